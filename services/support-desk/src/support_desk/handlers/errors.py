"""What the handlers refuse, as plain errors: a stable code and words in az/en/ru, no HTTP here.
The entrypoints turn each into a problem (status, headers) in `entrypoints/problems.py`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from support_desk.domain.states import TransitionRefusedError


class DeskError(Exception):
    """Base of every handler refusal; `details` are extra facts a client may act on."""

    code: str = "desk_error"

    def __init__(
        self, en: str, az: str, details: Mapping[str, Any] | None = None, *, ru: str | None = None
    ) -> None:
        super().__init__(f"{self.code}: {en}")
        self.en = en
        self.az = az
        self.ru = ru
        self.details = dict(details or {})


class TicketNotFoundError(DeskError):
    """One text for every miss: an unknown ticket and a known ticket asked with the wrong e-mail
    must be indistinguishable, so nothing about the id is carried."""

    code = "ticket_not_found"

    def __init__(self) -> None:
        super().__init__(
            "There is no ticket with this number and e-mail.",
            "Bu nömrə və e-poçtla müraciət yoxdur.",
            ru="Обращения с таким номером и e-mail нет.",
        )


class TicketStateConflictError(DeskError):
    code = "ticket_state_conflict"

    def __init__(self, refused: TransitionRefusedError) -> None:
        allowed = ", ".join(refused.allowed) or "—"
        current, wanted = refused.current.value, refused.wanted.value
        super().__init__(
            f"The ticket is {current}; {wanted} can only follow: {allowed}.",
            f"Müraciət hazırda {current} vəziyyətindədir; "
            f"{wanted} yalnız bunlardan sonra mümkündür: {allowed}.",
            details={"state": current, "allowed_from": list(refused.allowed)},
            ru=f"Обращение сейчас в состоянии {current}; {wanted} возможно только после: "
            f"{allowed}.",
        )


class TicketChangedError(DeskError):
    code = "ticket_changed"

    def __init__(self) -> None:
        super().__init__(
            "The ticket changed meanwhile; read it again and repeat.",
            "Müraciət bu arada dəyişdi; yenidən oxuyun və təkrarlayın.",
            ru="Обращение тем временем изменилось; прочитайте его заново и повторите.",
        )


class NoCustomerToWriteError(DeskError):
    code = "no_customer"

    def __init__(self) -> None:
        super().__init__(
            "This case was opened automatically; there is nobody to write to.",
            "Bu hal avtomatik açılıb; yazılacaq müştəri yoxdur.",
            ru="Этот случай открыт автоматически; писать некому.",
        )


class NotPermittedError(DeskError):
    """A role refusal; its code comes from the rule refused (`supervisor_only`, …)."""

    def __init__(self, code: str, en: str, az: str, ru: str | None = None) -> None:
        self.code = code
        super().__init__(en, az, ru=ru)


class UnknownSpecialistError(DeskError):
    code = "unknown_specialist"

    def __init__(self, username: str) -> None:
        super().__init__(
            f"There is no specialist called {username}.",
            f"{username} adlı mütəxəssis yoxdur.",
            ru=f"Специалиста с именем {username} нет.",
        )


class NotTheCustomerError(DeskError):
    code = "not_the_customer"

    def __init__(self) -> None:
        super().__init__(
            "This e-mail did not come from the ticket's customer.",
            "Bu məktub müraciətin sahibindən gəlməyib.",
            ru="Это письмо пришло не от автора обращения.",
        )


class AttachmentTooLargeError(DeskError):
    code = "attachment_too_large"

    def __init__(self) -> None:
        super().__init__(
            "The image may be at most 5 MB.",
            "Şəkil ən çoxu 5 MB ola bilər.",
            ru="Изображение может быть не больше 5 МБ.",
        )


class AttachmentNotAnImageError(DeskError):
    code = "attachment_not_an_image"

    def __init__(self) -> None:
        super().__init__(
            "Attach a PNG, JPEG or WebP image (for example a photo of the phone's screen).",
            "PNG, JPEG və ya WebP şəkil əlavə edin (məsələn, telefon ekranının şəkli).",
            ru="Приложите изображение PNG, JPEG или WebP (например, снимок экрана телефона).",
        )


class TicketClosedError(DeskError):
    code = "ticket_closed"

    def __init__(self) -> None:
        super().__init__(
            "This ticket is closed, so it takes no more answers. Write a new letter instead.",
            "Bu müraciət bağlanıb, ona daha cavab yazmaq olmur. Yeni məktub yazın.",
            ru="Это обращение закрыто и больше не принимает ответов. Напишите новое письмо.",
        )


class TicketNotAnswerableError(DeskError):
    code = "ticket_not_answerable"

    def __init__(self) -> None:
        super().__init__(
            "This case was opened automatically and is followed by us; to add anything, write a "
            "letter through the contact form.",
            "Bu hal avtomatik açılıb və biz onu izləyirik; nəsə əlavə etmək üçün əlaqə forması "
            "ilə məktub yazın.",
            ru="Этот случай открыт автоматически, и мы его отслеживаем; чтобы что-то добавить, "
            "напишите письмо через форму обратной связи.",
        )


class TooManyRepliesError(DeskError):
    code = "too_many_replies"

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"This ticket already holds {limit} of your answers; write a new letter instead.",
            f"Bu müraciətdə artıq {limit} cavabınız var; yeni məktub yazın.",
            details={"limit": limit},
            ru=f"В этом обращении уже {limit} ваших ответов; напишите новое письмо.",
        )

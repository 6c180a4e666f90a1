"""What the handlers refuse, as plain errors: a stable code and words in az/en, no HTTP here.
The entrypoints turn each into a problem (status, headers) in `entrypoints/problems.py`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from support_desk.domain.states import TransitionRefusedError


class DeskError(Exception):
    """Base of every handler refusal; `details` are extra facts a client may act on."""

    code: str = "desk_error"

    def __init__(self, en: str, az: str, details: Mapping[str, Any] | None = None) -> None:
        super().__init__(f"{self.code}: {en}")
        self.en = en
        self.az = az
        self.details = dict(details or {})


class TicketNotFoundError(DeskError):
    """One text for every miss: an unknown ticket and a known ticket asked with the wrong e-mail
    must be indistinguishable, so nothing about the id is carried."""

    code = "ticket_not_found"

    def __init__(self) -> None:
        super().__init__(
            "There is no ticket with this number and e-mail.",
            "Bu nömrə və e-poçtla müraciət yoxdur.",
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
        )


class TicketChangedError(DeskError):
    code = "ticket_changed"

    def __init__(self) -> None:
        super().__init__(
            "The ticket changed meanwhile; read it again and repeat.",
            "Müraciət bu arada dəyişdi; yenidən oxuyun və təkrarlayın.",
        )


class NoCustomerToWriteError(DeskError):
    code = "no_customer"

    def __init__(self) -> None:
        super().__init__(
            "This case was opened automatically; there is nobody to write to.",
            "Bu hal avtomatik açılıb; yazılacaq müştəri yoxdur.",
        )


class NotPermittedError(DeskError):
    """A role refusal; its code comes from the rule refused (`supervisor_only`, …)."""

    def __init__(self, code: str, en: str, az: str) -> None:
        self.code = code
        super().__init__(en, az)


class UnknownSpecialistError(DeskError):
    code = "unknown_specialist"

    def __init__(self, username: str) -> None:
        super().__init__(
            f"There is no specialist called {username}.", f"{username} adlı mütəxəssis yoxdur."
        )


class NotTheCustomerError(DeskError):
    code = "not_the_customer"

    def __init__(self) -> None:
        super().__init__(
            "This e-mail did not come from the ticket's customer.",
            "Bu məktub müraciətin sahibindən gəlməyib.",
        )


class AttachmentTooLargeError(DeskError):
    code = "attachment_too_large"

    def __init__(self) -> None:
        super().__init__("The image may be at most 5 MB.", "Şəkil ən çoxu 5 MB ola bilər.")


class AttachmentNotAnImageError(DeskError):
    code = "attachment_not_an_image"

    def __init__(self) -> None:
        super().__init__(
            "Attach a PNG, JPEG or WebP image (for example a photo of the phone's screen).",
            "PNG, JPEG və ya WebP şəkil əlavə edin (məsələn, telefon ekranının şəkli).",
        )

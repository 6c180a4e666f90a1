"""The e-mails a ticket sends, in the language of the form the customer wrote in (az, en or ru);
whatever a person wrote is escaped in HTML."""

from __future__ import annotations

from html import escape
from typing import Final

from support_desk.domain.model import Customer, Letter

SIGNATURE: Final = {
    "az": "SmartPay dəstək xidməti",
    "en": "SmartPay support",
    "ru": "Служба поддержки SmartPay",
}
DEAR: Final = {"az": "Hörmətli {name},", "en": "Dear {name},", "ru": "Здравствуйте, {name}!"}


def _letter(letter_id: str, customer: Customer, subject: str, body: str) -> Letter:
    language = customer.language
    text = f"{DEAR[language].format(name=customer.full_name)}\n\n{body}"
    text = f"{text}\n\n{SIGNATURE[language]}\n"
    html = "".join(
        f"<p>{escape(paragraph).replace(chr(10), '<br>')}</p>" for paragraph in text.split("\n\n")
    )
    return Letter(
        letter_id,
        customer.email,
        subject,
        text,
        f'<html lang="{language}"><body>{html}</body></html>',
    )


_CONFIRMATION: Final = {
    "az": (
        "Müraciətiniz qəbul edildi: {id}",
        "Müraciətiniz qəbul edildi. Nömrəsi: {id}. Mütəxəssisimiz {hours} saat ərzində cavab "
        "verəcək. Bu məktuba cavab yazaraq əlavə məlumat göndərə bilərsiniz.\n\n"
        "Məktubunuz:\n{message}",
    ),
    "en": (
        "We received your letter: {id}",
        "We received your letter. Its number is {id}. A specialist will answer within {hours} "
        "hours. You can reply to this e-mail to add anything.\n\nYour letter:\n{message}",
    ),
    "ru": (
        "Мы получили ваше письмо: {id}",
        "Мы получили ваше письмо. Его номер: {id}. Специалист ответит в течение {hours} ч. "
        "Чтобы что-то добавить, ответьте на это письмо.\n\nВаше письмо:\n{message}",
    ),
}


def confirmation(
    letter_id: str, ticket_id: str, customer: Customer, message: str, sla_hours: int
) -> Letter:
    subject, body = _CONFIRMATION[customer.language]
    filled = body.format(id=ticket_id, hours=sla_hours, message=message)
    return _letter(letter_id, customer, subject.format(id=ticket_id), filled)


_REPLY: Final = {
    "az": (
        "Müraciətinizə cavab: {id}",
        "Əlavə etmək istədiyiniz bir şey varsa, bu məktuba cavab yazın (mövzuda {id} qalsın).",
    ),
    "en": (
        "Answer to your letter: {id}",
        "Reply to this e-mail if you have more to add; keep {id} in the subject.",
    ),
    "ru": (
        "Ответ на ваше письмо: {id}",
        "Если хотите что-то добавить, ответьте на это письмо (оставьте {id} в теме).",
    ),
}


def reply(letter_id: str, ticket_id: str, customer: Customer, text: str) -> Letter:
    subject, after = _REPLY[customer.language]
    body = f"{text}\n\n{after.format(id=ticket_id)}"
    return _letter(letter_id, customer, subject.format(id=ticket_id), body)


_RESOLVED: Final = {
    "az": ("Müraciətiniz həll olundu: {id}", "{id} nömrəli müraciətiniz həll olundu."),
    "en": ("Your letter is resolved: {id}", "Your letter {id} is resolved."),
    "ru": ("Ваше обращение решено: {id}", "Ваше обращение {id} решено."),
}


def resolved(letter_id: str, ticket_id: str, customer: Customer, resolution: str) -> Letter:
    subject, first = _RESOLVED[customer.language]
    body = f"{first.format(id=ticket_id)}\n\n{resolution}"
    return _letter(letter_id, customer, subject.format(id=ticket_id), body)


_REDIRECTED: Final = {
    "az": (
        "Müraciətiniz yönləndirildi: {id}",
        "Bu sual birbaşa aidiyyəti quruma aiddir: {institution}. Zəhmət olmasa onlara müraciət "
        "edin.",
    ),
    "en": (
        "Your letter was redirected: {id}",
        "This question is for the institution concerned: {institution}. Please contact them "
        "directly.",
    ),
    "ru": (
        "Ваше обращение перенаправлено: {id}",
        "Этот вопрос относится к профильному ведомству: {institution}. Пожалуйста, обратитесь "
        "к ним напрямую.",
    ),
}


def redirected(
    letter_id: str, ticket_id: str, customer: Customer, institution: str, note: str
) -> Letter:
    subject, first = _REDIRECTED[customer.language]
    body = f"{first.format(institution=institution)}\n\n{note}".rstrip()
    return _letter(letter_id, customer, subject.format(id=ticket_id), body)

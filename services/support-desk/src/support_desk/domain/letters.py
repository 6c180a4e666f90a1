"""The e-mails a ticket sends, in Azerbaijani and English; whatever a person wrote is escaped in HTML."""

from __future__ import annotations

from html import escape

from support_desk.domain.model import Customer, Letter

SIGNATURE = "SmartPay dəstək xidməti / SmartPay support"


def _letter(letter_id: str, customer: Customer, subject: str, az: str, en: str) -> Letter:
    text = f"{az}\n\n---\n\n{en}\n\n{SIGNATURE}\n"
    html = "".join(
        f"<p>{escape(paragraph).replace(chr(10), '<br>')}</p>"
        for paragraph in (*az.split("\n\n"), "—", *en.split("\n\n"), SIGNATURE)
    )
    return Letter(letter_id, customer.email, subject, text, f"<html><body>{html}</body></html>")


def confirmation(
    letter_id: str, ticket_id: str, customer: Customer, message: str, sla_hours: int
) -> Letter:
    return _letter(
        letter_id,
        customer,
        f"Müraciətiniz qəbul edildi / We received your letter: {ticket_id}",
        f"Hörmətli {customer.full_name},\n\nMüraciətiniz qəbul edildi. Nömrəsi: {ticket_id}. "
        f"Mütəxəssisimiz {sla_hours} saat ərzində cavab verəcək. Bu məktuba cavab yazaraq "
        f"əlavə məlumat göndərə bilərsiniz.\n\nMəktubunuz:\n{message}",
        f"Dear {customer.full_name},\n\nWe received your letter. Its number is {ticket_id}. "
        f"A specialist will answer within {sla_hours} hours. You can reply to this e-mail to add "
        f"anything.\n\nYour letter:\n{message}",
    )


def reply(letter_id: str, ticket_id: str, customer: Customer, text: str) -> Letter:
    return _letter(
        letter_id,
        customer,
        f"Müraciətinizə cavab / Answer to your letter: {ticket_id}",
        f"Hörmətli {customer.full_name},\n\n{text}",
        f"Dear {customer.full_name},\n\n(The specialist's answer is above.) "
        f"Reply to this e-mail if you have more to add; keep {ticket_id} in the subject.",
    )


def resolved(letter_id: str, ticket_id: str, customer: Customer, resolution: str) -> Letter:
    return _letter(
        letter_id,
        customer,
        f"Müraciətiniz həll olundu / Your letter is resolved: {ticket_id}",
        f"Hörmətli {customer.full_name},\n\n{ticket_id} nömrəli müraciətiniz həll olundu.\n\n"
        f"{resolution}",
        f"Dear {customer.full_name},\n\nYour letter {ticket_id} is resolved (details above).",
    )


def redirected(
    letter_id: str, ticket_id: str, customer: Customer, institution: str, note: str
) -> Letter:
    return _letter(
        letter_id,
        customer,
        f"Müraciətiniz yönləndirildi / Your letter was redirected: {ticket_id}",
        f"Hörmətli {customer.full_name},\n\nBu sual birbaşa aidiyyəti quruma aiddir: "
        f"{institution}. Zəhmət olmasa onlara müraciət edin.\n\n{note}".rstrip(),
        f"Dear {customer.full_name},\n\nThis question is for the institution concerned: "
        f"{institution}. Please contact them directly (see the note above).",
    )

"""The letters an automatic case owes its customer: one when it opens (we noticed, you need not
write, what happens next and by when) and, for a case that settles itself, one saying how it ended."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from html import escape
from typing import Final

from contracts.events import MismatchCleared, MismatchDetected, MismatchKind
from support_desk.domain.case_words import WORDS
from support_desk.domain.mismatch_words import KIND_WORDS
from support_desk.domain.model import CaseContact, Letter

BAKU: Final = timezone(timedelta(hours=4), "Asia/Baku")  # UTC+4 all year since 2016

# The kinds whose missing event settles them: their customer hears again how it ended.
SETTLE_THEMSELVES: Final = frozenset(
    {
        MismatchKind.DEBITED_NOT_ACTIVATED,
        MismatchKind.ACTIVATED_NOT_DEBITED,
        MismatchKind.REFUND_NOT_CONFIRMED,
    }
)


def baku_time(moment: datetime) -> str:
    return moment.astimezone(BAKU).strftime("%Y-%m-%d %H:%M")


def lookup_link(public_url: str, ticket_id: str) -> str:
    return f"{public_url.rstrip('/')}/ticket?id={ticket_id}"


def opening_letter(
    ticket_id: str, contact: CaseContact, detected: MismatchDetected, due: datetime, link: str
) -> Letter:
    words = WORDS[contact.language]
    kind = KIND_WORDS.get(detected.kind)
    what = getattr(kind, contact.language) if kind else detected.kind.value
    amount = detected.expected or detected.debited
    opened = words.opened.format(
        payment=detected.payment_id,
        service=detected.service_id or "—",
        account=detected.account or "—",
        amount=str(amount) if amount else "—",
        what=what[:1].lower() + what[1:],
        ticket=ticket_id,
    )
    match detected.kind:
        case MismatchKind.REFUND_NOT_CONFIRMED:
            following = words.refund_waits
        case kind_ if kind_ in SETTLE_THEMSELVES:
            following = words.will_settle
        case _:
            following = words.specialist
    subject = words.opened_subject.format(payment=detected.payment_id)
    follow = words.follow.format(ticket=ticket_id, link=link)
    body = (opened, following.format(due=baku_time(due)), follow)
    return _letter(f"{ticket_id}-case-opened", contact, subject, body)


def closing_letter(
    ticket_id: str, contact: CaseContact, cleared: MismatchCleared, link: str
) -> Letter:
    words = WORDS[contact.language]
    payment = cleared.payment_id
    if cleared.provider_transaction_id:
        ended = words.activated.format(payment=payment, reference=cleared.provider_transaction_id)
    elif cleared.bank_refund_reference:
        ended = words.refunded.format(
            payment=payment,
            amount=str(cleared.refunded) if cleared.refunded else "—",
            at=baku_time(cleared.refunded_at or cleared.cleared_at),
            reference=cleared.bank_refund_reference,
        )
    elif cleared.cleared_by == "card-debited":
        ended = words.paid.format(payment=payment)
    else:
        ended = words.settled.format(payment=payment)
    subject = words.closed_subject.format(payment=payment)
    follow = words.follow.format(ticket=ticket_id, link=link)
    return _letter(f"{ticket_id}-case-closed", contact, subject, (ended, follow))


def _letter(
    letter_id: str, contact: CaseContact, subject: str, paragraphs: tuple[str, ...]
) -> Letter:
    text = "\n\n".join(paragraphs)
    html = "".join(
        f"<p>{escape(paragraph).replace(chr(10), '<br>')}</p>" for paragraph in text.split("\n\n")
    )
    return Letter(
        letter_id,
        contact.email,
        subject,
        f"{text}\n",
        f'<html lang="{contact.language}"><body>{html}</body></html>',
    )

"""How tickets read back: to the customer (their status), and to the desk (everything, with trail).
JSON carries what people wrote as text; any page that shows it must escape it."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from support_desk.domain.conversation import can_reply, conversation
from support_desk.domain.model import Action
from support_desk.domain.sla import SlaTable, time_left
from support_desk.domain.states import TicketState
from support_desk.domain.ticket import Ticket
from support_desk.entrypoints.case_views import action_view, case_progress


def _time(moment: datetime) -> str:
    """To the millisecond, as the database keeps it, so a ticket reads the same before and after."""
    return moment.isoformat(timespec="milliseconds")


STATE_TEXT = {
    TicketState.NEW: ("Qəbul edilib", "Received", "Принято"),
    TicketState.ASSIGNED: (
        "Mütəxəssis baxır",
        "A specialist is working on it",
        "Специалист работает",
    ),
    TicketState.WAITING_FOR_CUSTOMER: (
        "Cavabınızı gözləyirik",
        "Waiting for your answer",
        "Ждём вашего ответа",
    ),
    TicketState.RESOLVED: ("Həll olunub", "Resolved", "Решено"),
    TicketState.REDIRECTED: (
        "Aidiyyəti quruma yönləndirilib",
        "Redirected to the institution",
        "Перенаправлено в ведомство",
    ),
}


def _state(ticket: Ticket) -> dict[str, Any]:
    az, en, ru = STATE_TEXT[ticket.state]
    return {"state": ticket.state.value, "state_text": {"az": az, "en": en, "ru": ru}}


def created_view(ticket: Ticket) -> dict[str, Any]:
    return {
        "ticket_id": ticket.id,
        **_state(ticket),
        "category": ticket.category,
        "sla_hours": ticket.sla_hours,
        "due_at": _time(ticket.due_at),
        "status_url": f"/api/support/tickets/{ticket.id}",
        "confirmation_sent_to": ticket.customer.email if ticket.customer else None,
        "message": {
            "az": f"Müraciətiniz qəbul edildi: {ticket.id}. Təsdiq məktubu e-poçtunuza göndərildi.",
            "en": f"We received your letter: {ticket.id}. A confirmation was sent to your e-mail.",
            "ru": f"Мы получили ваше письмо: {ticket.id}. Подтверждение отправлено на ваш e-mail.",
        },
    }


def customer_view(ticket: Ticket, sla: SlaTable) -> dict[str, Any]:
    category = sla.get(ticket.category)
    return {
        "ticket_id": ticket.id,
        **_state(ticket),
        "final": ticket.state.is_terminal(),
        "category": ticket.category,
        "category_text": {"az": category.az, "en": category.en, "ru": category.ru},
        "subject": ticket.subject,
        "opened_at": _time(ticket.opened_at),
        "due_at": _time(ticket.due_at),
        "sla_hours": ticket.sla_hours,
        "answers": [
            {"at": _time(entry.at), "text": entry.text}
            for entry in ticket.trail
            if entry.action is Action.REPLY_SENT
        ],
        "conversation": [
            {
                "at": _time(one.at),
                "from": "customer" if one.by_customer else "specialist",
                "text": one.text,
            }
            for one in conversation(ticket)
        ],
        "can_reply": can_reply(ticket),
        "institution": ticket.institution,
        "resolution": ticket.resolution,
        **({"case": case_progress(ticket, with_references=True)} if ticket.mismatch_kind else {}),
    }


def summary_view(ticket: Ticket, now: datetime) -> dict[str, Any]:
    customer = ticket.customer
    left = time_left(ticket.state, ticket.due_at, now)
    return {
        "ticket_id": ticket.id,
        **_state(ticket),
        "origin": ticket.origin.value,
        "category": ticket.category,
        "subject": ticket.subject,
        "customer": None
        if customer is None
        else {"name": customer.full_name, "email": customer.email},
        "payment_id": ticket.payment_id,
        "assignee": ticket.assignee,
        "opened_at": _time(ticket.opened_at),
        "due_at": _time(ticket.due_at),
        "overdue": ticket.overdue(now),
        "seconds_left": None if left is None else int(left.total_seconds()),
    }


def staff_view(ticket: Ticket, now: datetime) -> dict[str, Any]:
    attachment = ticket.attachment
    return {
        **summary_view(ticket, now),
        "customer": None if ticket.customer is None else asdict(ticket.customer),
        "sla_hours": ticket.sla_hours,
        "message": ticket.message,
        "imeis": list(ticket.imeis),
        "mismatch_kind": ticket.mismatch_kind,
        "facts": dict(ticket.facts),
        "attachment": None
        if attachment is None
        else {**asdict(attachment), "url": f"/api/support/tickets/{ticket.id}/attachment"},
        "institution": ticket.institution,
        "resolution": ticket.resolution,
        "closed_at": _time(ticket.closed_at) if ticket.closed_at else None,
        "trail": [
            {
                "at": _time(entry.at),
                "action": entry.action.value,
                "by": entry.by,
                "text": entry.text,
                "ref": entry.ref,
            }
            for entry in ticket.trail
        ],
        "actions": [action_view(ticket.id, action) for action in ticket.actions],
    }


def public_case_view(ticket: Ticket) -> dict[str, Any]:
    """For whoever holds the payment's number (its status page): no name, e-mail or reference."""
    return {
        "ticket_id": ticket.id,
        **_state(ticket),
        "final": ticket.state.is_terminal(),
        "opened_at": _time(ticket.opened_at),
        "due_at": _time(ticket.due_at),
        **case_progress(ticket, with_references=False),
    }

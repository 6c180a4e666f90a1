"""How an automatic case reads to the public: what was noticed, where it stands, how it ended.
Never whom it concerns: the payment's number is all it is found by."""

from __future__ import annotations

from typing import Any

from contracts.events import MismatchKind
from support_desk.domain.actions import CaseAction
from support_desk.domain.mismatch_words import KIND_WORDS
from support_desk.domain.ticket import Ticket


def case_progress(ticket: Ticket, *, with_references: bool) -> dict[str, Any]:
    """The kind in words and the outcome; the provider's and the bank's references only where
    the customer proved who they are (the lookup with their e-mail)."""
    facts = dict(ticket.facts)
    words = KIND_WORDS.get(MismatchKind(ticket.mismatch_kind)) if ticket.mismatch_kind else None
    ended_by = facts.get("ended_by")
    outcome: dict[str, Any] | None = None
    if ended_by is not None:
        outcome = {"ended": _ended(ended_by)}
        if with_references:
            outcome |= {
                "provider_reference": facts.get("provider_reference"),
                "refund_reference": facts.get("refund_reference"),
                "refund_total": facts.get("refund_total"),
            }
    return {
        "payment_id": ticket.payment_id,
        "kind": ticket.mismatch_kind,
        "kind_text": words._asdict() if words else None,
        "outcome": outcome,
    }


def _ended(ended_by: str) -> str:
    return {
        "provider-activated": "activated",
        "payment-refunded": "refunded",
        "card-debited": "paid",
    }.get(ended_by, "settled")


def action_view(ticket_id: str, action: CaseAction) -> dict[str, Any]:
    return {
        "action_id": action.id,
        "ticket_id": ticket_id,
        "kind": action.kind.value,
        "state": action.state.value,
        "by": action.by,
        "note": action.note,
        "provider_reference": action.provider_reference,
        "requested_at": action.requested_at.isoformat(timespec="milliseconds"),
        "approved_by": action.approved_by,
        "approved_at": action.approved_at.isoformat(timespec="milliseconds")
        if action.approved_at
        else None,
    }

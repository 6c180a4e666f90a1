"""An automatic case clears itself: the money and the service agree again. It says what settled
it, keeps how it ended among its facts, and tells its customer."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from contracts.events import MismatchCleared
from support_desk.domain.case_letters import closing_letter, lookup_link
from support_desk.domain.model import SYSTEM, Action
from support_desk.domain.ticket import Ticket


def clear_case(ticket: Ticket, cleared: MismatchCleared, at: datetime, public_url: str) -> Ticket:
    """The money and the service agree again: the case closes itself, saying what settled it, and
    its customer hears how it ended (once: the letter's id is in the trail after)."""
    closed = _with_outcome(_closed(ticket, cleared, at), cleared)
    if ticket.contact is None:
        return closed
    letter = closing_letter(ticket.id, ticket.contact, cleared, lookup_link(public_url, ticket.id))
    return closed.tell(letter, at, f"customer told in {ticket.contact.language}: case ended")


def _with_outcome(ticket: Ticket, cleared: MismatchCleared) -> Ticket:
    """How it ended, among the facts, for the customer's lookup: the first clearing tells it."""
    if any(name == "ended_by" for name, _ in ticket.facts):
        return ticket
    outcome = {
        "ended_by": cleared.cleared_by,
        "provider_reference": cleared.provider_transaction_id,
        "refund_reference": cleared.bank_refund_reference,
        "refund_total": str(cleared.refunded) if cleared.refunded else None,
    }
    known = tuple((name, value) for name, value in outcome.items() if value is not None)
    return replace(ticket, facts=(*ticket.facts, *known))


def _closed(ticket: Ticket, cleared: MismatchCleared, at: datetime) -> Ticket:
    note = (
        f"Cleared automatically by {cleared.cleared_by} at {cleared.cleared_at.isoformat()}: "
        f"the {cleared.kind.value} mismatch no longer holds."
    )
    if ticket.state.is_terminal():
        if any(e.action is Action.RESOLVED and e.by == SYSTEM for e in ticket.trail):
            return ticket  # an earlier copy of the clearing closed it
        return ticket.note(SYSTEM, f"{note} (the case was already {ticket.state.value})", at)
    return ticket.resolve(SYSTEM, note, at)

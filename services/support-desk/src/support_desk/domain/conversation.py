"""The customer's side of a ticket on the portal: the dated conversation they see, and their own
answers written on the ticket page (authorised by number + e-mail at the edge)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from support_desk.domain.model import Action
from support_desk.domain.ticket import Ticket

MAX_CUSTOMER_REPLIES = 50  # a conversation, not a mailbox: more goes through a new letter
PORTAL_REF = "portal:"  # a page reply's trail ref: `portal:<reply id>`, so a resend is the same


class TicketClosedForRepliesError(Exception):
    """The ticket is resolved or redirected: a new question is a new letter."""


class TicketNotAnswerableError(Exception):
    """An automatic case tells its customer; it does not hold a conversation."""


class TooManyRepliesError(Exception):
    """The ticket already holds `MAX_CUSTOMER_REPLIES` of the customer's answers."""


@dataclass(frozen=True)
class Message:
    at: datetime
    by_customer: bool
    text: str


def conversation(ticket: Ticket) -> list[Message]:
    """The customer's letter, then each answer either side sent, oldest first."""
    if ticket.customer is None:
        return []
    messages = [Message(ticket.opened_at, True, ticket.message)]
    for entry in ticket.trail:
        if entry.action is Action.REPLY_SENT:
            messages.append(Message(entry.at, False, entry.text))
        elif entry.action is Action.CUSTOMER_REPLIED:
            messages.append(Message(entry.at, True, entry.text))
    return messages


def can_reply(ticket: Ticket) -> bool:
    return ticket.customer is not None and not ticket.state.is_terminal()


def answer_on_the_page(ticket: Ticket, text: str, at: datetime, reply_id: str) -> Ticket:
    """Appends the customer's answer once per `reply_id` (the page may send it twice); the ticket
    then waits for its specialist again. The same ticket back when this reply is already on it."""
    ref = PORTAL_REF + reply_id
    if any(entry.ref == ref for entry in ticket.trail):
        return ticket
    if ticket.customer is None:
        raise TicketNotAnswerableError(ticket.id)
    if ticket.state.is_terminal():
        raise TicketClosedForRepliesError(ticket.id)
    written = sum(entry.action is Action.CUSTOMER_REPLIED for entry in ticket.trail)
    if written >= MAX_CUSTOMER_REPLIES:
        raise TooManyRepliesError(ticket.id)
    return ticket.customer_replied(text, at, ref)

"""The customer answering on the ticket page: known by number + e-mail, like the status view."""

from __future__ import annotations

from datetime import datetime

from support_desk.domain import conversation
from support_desk.domain.ticket import Ticket
from support_desk.handlers.context import SupportDesk
from support_desk.handlers.errors import (
    TicketClosedError,
    TicketNotAnswerableError,
    TicketNotFoundError,
    TooManyRepliesError,
)
from support_desk.handlers.work import change_ticket


def written_to(ticket: Ticket) -> str | None:
    """The e-mail a ticket writes to: its writer's, or the payment's customer for a case."""
    if ticket.customer is not None:
        return ticket.customer.email.lower()
    return ticket.contact.email.lower() if ticket.contact is not None else None


async def answer(desk: SupportDesk, ticket_id: str, email: str, text: str, reply_id: str) -> Ticket:
    """A wrong e-mail reads exactly like an unknown number; the same `reply_id` twice is one answer."""

    def change(ticket: Ticket, now: datetime) -> Ticket:
        if written_to(ticket) != email.strip().lower():
            raise TicketNotFoundError()
        try:
            return conversation.answer_on_the_page(ticket, text, now, reply_id)
        except conversation.TicketNotAnswerableError:
            raise TicketNotAnswerableError() from None
        except conversation.TicketClosedForRepliesError:
            raise TicketClosedError() from None
        except conversation.TooManyRepliesError:
            raise TooManyRepliesError(conversation.MAX_CUSTOMER_REPLIES) from None

    return await change_ticket(desk, ticket_id, change)

"""What specialists do to a ticket: each change guarded by role, state and version, then saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from servicekit.retry import LOST, Lost, StillContendedError, until_written
from support_desk.domain.permissions import (
    PermissionRefusedError,
    StaffMember,
    check_assignment,
    check_work,
)
from support_desk.domain.states import TransitionRefusedError
from support_desk.domain.ticket import NoCustomerError, Ticket
from support_desk.handlers.context import SupportDesk
from support_desk.handlers.errors import (
    NoCustomerToWriteError,
    NotPermittedError,
    NotTheCustomerError,
    TicketChangedError,
    TicketNotFoundError,
    TicketStateConflictError,
    UnknownSpecialistError,
)
from support_desk.handlers.letters import deliver_letters

Change = Callable[[Ticket, datetime], Ticket]


async def change_ticket(desk: SupportDesk, ticket_id: str, change: Change) -> Ticket:
    """Applies `change` to the ticket as it is when saved: a save that lost to another writer
    (the other replica, a case's new detection) reads it again and applies the change again."""

    async def attempt() -> Ticket | Lost:
        ticket = await desk.tickets.get(ticket_id)
        if ticket is None:
            raise TicketNotFoundError()
        try:
            changed = change(ticket, desk.clock())
        except PermissionRefusedError as refused:
            raise NotPermittedError(refused.code, refused.en, refused.az, refused.ru) from None
        except TransitionRefusedError as refused:
            raise TicketStateConflictError(refused) from None
        except NoCustomerError:
            raise NoCustomerToWriteError() from None
        if changed is ticket:
            return ticket  # nothing to do (e.g. an answer sent twice): nothing is written
        return await desk.tickets.save(ticket, changed) or LOST

    async with desk.tickets.lock(ticket_id):
        try:
            saved = await until_written(attempt, f"ticket {ticket_id}")
        except StillContendedError:
            raise TicketChangedError() from None
    if saved.letters_due:
        await deliver_letters(desk, ticket_id)
    return saved


async def assign(desk: SupportDesk, actor: StaffMember, ticket_id: str, to: str | None) -> Ticket:
    assignee = to or actor.username
    if desk.staff.member(assignee) is None:
        raise UnknownSpecialistError(assignee)

    def change(ticket: Ticket, now: datetime) -> Ticket:
        check_assignment(actor, ticket, assignee)
        return ticket.assign(assignee, actor.username, now)

    return await change_ticket(desk, ticket_id, change)


async def reply(desk: SupportDesk, actor: StaffMember, ticket_id: str, text: str) -> Ticket:
    def change(ticket: Ticket, now: datetime) -> Ticket:
        check_work(actor, ticket)
        return ticket.reply(actor.username, text, now)

    return await change_ticket(desk, ticket_id, change)


async def resolve(desk: SupportDesk, actor: StaffMember, ticket_id: str, resolution: str) -> Ticket:
    def change(ticket: Ticket, now: datetime) -> Ticket:
        check_work(actor, ticket)
        return ticket.resolve(actor.username, resolution, now)

    return await change_ticket(desk, ticket_id, change)


async def redirect(
    desk: SupportDesk, actor: StaffMember, ticket_id: str, institution: str, note: str
) -> Ticket:
    def change(ticket: Ticket, now: datetime) -> Ticket:
        check_work(actor, ticket)
        return ticket.redirect(actor.username, institution, note, now)

    return await change_ticket(desk, ticket_id, change)


async def append_customer_reply(
    desk: SupportDesk, ticket_id: str, sender: str, text: str, reference: str | None
) -> Ticket:
    """A customer's e-mail answer, handed in by mail ingest (or pasted by a specialist); it must
    come from the address the ticket belongs to."""

    def change(ticket: Ticket, now: datetime) -> Ticket:
        if ticket.customer is None:
            raise NoCustomerError(ticket.id)
        if ticket.customer.email.lower() != sender.lower():
            raise NotTheCustomerError()
        return ticket.customer_replied(text, now, reference)

    return await change_ticket(desk, ticket_id, change)

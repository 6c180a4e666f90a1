"""Specialists act on a case: each action stored with its trail entry and its event in one
guarded write of the case, so a repeat or a race with the case's clearing does nothing twice."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from contracts.money import Money
from servicekit.retry import LOST, Lost, StillContendedError, until_written
from support_desk.domain.action_refusals import ActionNotFoundError
from support_desk.domain.actions import ActionRequest, CaseAction
from support_desk.domain.case_actions import approve_action, request_action
from support_desk.domain.permissions import StaffMember
from support_desk.domain.ticket import Ticket
from support_desk.handlers.context import SupportDesk
from support_desk.handlers.errors import TicketChangedError

Step = Callable[[Ticket, datetime], tuple[Ticket, CaseAction]]


async def act_on_case(
    desk: SupportDesk, actor: StaffMember, ticket_id: str, request: ActionRequest
) -> CaseAction:
    limit = Money(qepik=desk.settings.support_refund_approval_above_qepik)

    def step(ticket: Ticket, now: datetime) -> tuple[Ticket, CaseAction]:
        return request_action(ticket, actor, request, limit, now)

    return await _apply(desk, ticket_id, step)


async def approve(
    desk: SupportDesk, actor: StaffMember, ticket_id: str, action_id: str
) -> CaseAction:
    def step(ticket: Ticket, now: datetime) -> tuple[Ticket, CaseAction]:
        return approve_action(ticket, actor, action_id, now)

    return await _apply(desk, ticket_id, step)


async def _apply(desk: SupportDesk, ticket_id: str, step: Step) -> CaseAction:
    """A step that changes nothing (a repeat) writes nothing; one that lost the guarded write to
    another writer reads the case again and decides again."""

    async def attempt() -> CaseAction | Lost:
        ticket = await desk.tickets.get(ticket_id)
        if ticket is None:
            raise ActionNotFoundError()
        changed, action = step(ticket, desk.clock())
        if changed is ticket:
            return action
        return action if await desk.tickets.save(ticket, changed) else LOST

    async with desk.tickets.lock(ticket_id):
        try:
            return await until_written(attempt, f"case {ticket_id}")
        except StillContendedError:
            raise TicketChangedError() from None

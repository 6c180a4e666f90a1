"""The specialists' desk: list, filter, search, the overdue list, and acting on a ticket."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from contracts.ids import is_id
from servicekit.openapi import problem_responses
from support_desk.adapters.repository import TicketQuery
from support_desk.domain.states import TicketState
from support_desk.entrypoints.auth import DeskDep, StaffDep
from support_desk.entrypoints.problems import ticket_not_found
from support_desk.entrypoints.requests import (
    AssignRequest,
    CustomerReplyRequest,
    RedirectRequest,
    ReplyRequest,
    ResolveRequest,
)
from support_desk.entrypoints.views import staff_view, summary_view
from support_desk.handlers import work
from support_desk.handlers.context import SupportDesk

router = APIRouter(prefix="/api/support/tickets", tags=["desk"])
_TICKET_REFUSALS = {
    404: ["ticket_not_found"],
    409: ["ticket_state_conflict", "ticket_changed", "no_customer"],
    422: ["unknown_specialist", "not_the_customer"],
}
_TICKET_ACTION = problem_responses(_TICKET_REFUSALS | {403: ["supervisor_only", "not_your_ticket"]})
Slug = Annotated[str | None, Query(pattern=r"^[a-z0-9_-]{1,64}$")]


async def _listing(desk: SupportDesk, query: TicketQuery) -> dict[str, Any]:
    now = desk.clock()
    found = await desk.tickets.find(query)
    return {"tickets": [summary_view(ticket, now) for ticket in found], "count": len(found)}


@router.get("")
async def list_tickets(
    desk: DeskDep,
    _staff: StaffDep,
    state: Annotated[list[TicketState] | None, Query()] = None,
    category: Slug = None,
    assignee: Annotated[str | None, Query(pattern=r"^[a-z0-9._-]{1,64}$")] = None,
    overdue: bool = False,
    q: Annotated[str | None, Query(min_length=1, max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> dict[str, Any]:
    """Newest first; `q` searches number, subject, message, payment, customer's e-mail and surname."""
    query = TicketQuery(
        states=tuple(state or ()),
        category=category,
        assignee=assignee,
        overdue_at=desk.clock() if overdue else None,
        text=q,
        limit=limit,
        skip=offset,
    )
    return await _listing(desk, query)


@router.get("/overdue")
async def overdue_tickets(
    desk: DeskDep, _staff: StaffDep, limit: Annotated[int, Query(ge=1, le=100)] = 100
) -> dict[str, Any]:
    """Open tickets whose SLA clock has run out (waiting for the customer does not count)."""
    return await _listing(desk, TicketQuery(overdue_at=desk.clock(), limit=limit))


def _known(ticket_id: str) -> str:
    if not is_id("tkt", ticket_id):
        raise ticket_not_found()
    return ticket_id


@router.post("/{ticket_id}/assign", responses=_TICKET_ACTION)
async def assign(
    ticket_id: str, body: AssignRequest, desk: DeskDep, staff: StaffDep
) -> dict[str, Any]:
    """Take a ticket (no assignee), or — supervisors — give it to someone."""
    ticket = await work.assign(desk, staff, _known(ticket_id), body.assignee)
    return staff_view(ticket, desk.clock())


@router.post("/{ticket_id}/replies", responses=_TICKET_ACTION)
async def reply(
    ticket_id: str, body: ReplyRequest, desk: DeskDep, staff: StaffDep
) -> dict[str, Any]:
    """E-mails the answer to the customer; the ticket then waits for them."""
    ticket = await work.reply(desk, staff, _known(ticket_id), body.message)
    return staff_view(ticket, desk.clock())


@router.post("/{ticket_id}/resolve", responses=_TICKET_ACTION)
async def resolve(
    ticket_id: str, body: ResolveRequest, desk: DeskDep, staff: StaffDep
) -> dict[str, Any]:
    ticket = await work.resolve(desk, staff, _known(ticket_id), body.resolution)
    return staff_view(ticket, desk.clock())


@router.post("/{ticket_id}/redirect", responses=_TICKET_ACTION)
async def redirect(
    ticket_id: str, body: RedirectRequest, desk: DeskDep, staff: StaffDep
) -> dict[str, Any]:
    """Closes the ticket, telling the customer which institution can help."""
    ticket = await work.redirect(desk, staff, _known(ticket_id), body.institution, body.note)
    return staff_view(ticket, desk.clock())


@router.post("/{ticket_id}/customer-replies", responses=problem_responses(_TICKET_REFUSALS))
async def customer_reply(
    ticket_id: str, body: CustomerReplyRequest, desk: DeskDep, _staff: StaffDep
) -> dict[str, Any]:
    """A customer's e-mail answer, appended by mail ingest (signed in as staff) or a specialist."""
    ticket = await work.append_customer_reply(
        desk, _known(ticket_id), body.from_email, body.message, body.message_id
    )
    return staff_view(ticket, desk.clock())

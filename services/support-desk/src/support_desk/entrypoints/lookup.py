"""One ticket: its status for the customer (number + e-mail), everything for a specialist."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from contracts.ids import is_id
from servicekit.openapi import binary_success, problem_responses
from servicekit.problems import Problem
from support_desk.domain.ticket import Ticket
from support_desk.entrypoints.auth import DeskDep, OptionalStaffDep, StaffDep
from support_desk.entrypoints.problems import ticket_not_found
from support_desk.entrypoints.views import customer_view, staff_view
from support_desk.handlers.context import SupportDesk

router = APIRouter(prefix="/api/support/tickets", tags=["tickets"])
_NOT_FOUND = problem_responses({401: ["unauthenticated"], 404: ["ticket_not_found"]})


async def _ticket(desk: SupportDesk, ticket_id: str) -> Ticket | None:
    return await desk.tickets.get(ticket_id) if is_id("tkt", ticket_id) else None


@router.get("/{ticket_id}", responses=_NOT_FOUND)
async def read(
    ticket_id: str,
    desk: DeskDep,
    staff: OptionalStaffDep,
    response: Response,
    email: Annotated[str | None, Query(max_length=320)] = None,
) -> dict[str, Any]:
    """With `?email=` the customer's view (a wrong e-mail reads exactly like an unknown number);
    with a specialist's token and no e-mail, the whole ticket with its trail."""
    response.headers["Cache-Control"] = "no-store"
    if email is None:
        if staff is None:
            raise Problem(
                401,
                "unauthenticated",
                "Give the e-mail the letter was sent from, or sign in as a specialist.",
                "Məktubun göndərildiyi e-poçtu yazın və ya mütəxəssis kimi daxil olun.",
                ru="Укажите e-mail, с которого отправлено письмо, или войдите как специалист.",
                headers={"WWW-Authenticate": "Bearer"},
            )
        ticket = await _ticket(desk, ticket_id)
        if ticket is None:
            raise ticket_not_found()
        return staff_view(ticket, desk.clock())
    ticket = await _ticket(desk, ticket_id)
    wanted = email.strip().lower()
    if ticket is None or _written_to(ticket) != wanted:
        raise ticket_not_found()
    return customer_view(ticket, desk.sla)


def _written_to(ticket: Ticket) -> str | None:
    """The e-mail a ticket writes to: its writer's, or the payment's customer for a case."""
    if ticket.customer is not None:
        return ticket.customer.email.lower()
    return ticket.contact.email.lower() if ticket.contact is not None else None


@router.get(
    "/{ticket_id}/attachment",
    response_class=Response,
    responses=binary_success("image/png", "image/jpeg", "image/webp") | _NOT_FOUND,
)
async def attachment(ticket_id: str, desk: DeskDep, _staff: StaffDep) -> Response:
    found = await desk.attachments.get(ticket_id) if is_id("tkt", ticket_id) else None
    ticket = await _ticket(desk, ticket_id)
    if found is None or ticket is None or ticket.attachment is None:
        raise ticket_not_found()
    content_type, content = found
    return Response(
        content,
        media_type=content_type,
        headers={
            "Content-Disposition": f'attachment; filename="{ticket.attachment.filename}"',
            "Cache-Control": "private, no-store",
            "Content-Security-Policy": "default-src 'none'",
        },
    )

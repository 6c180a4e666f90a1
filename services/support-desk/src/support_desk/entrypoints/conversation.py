"""The customer's answer from the ticket page: number + e-mail, as for reading the ticket."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from contracts.ids import is_id
from servicekit.openapi import problem_responses
from support_desk.entrypoints.auth import DeskDep
from support_desk.entrypoints.problems import ticket_not_found
from support_desk.entrypoints.requests import CustomerAnswerRequest
from support_desk.entrypoints.views import customer_view
from support_desk.handlers import conversation

router = APIRouter(prefix="/api/support/tickets", tags=["tickets"])


_ANSWER_REFUSALS = problem_responses(
    {
        404: ["ticket_not_found"],
        409: ["ticket_closed", "ticket_not_answerable", "too_many_replies"],
    }
)


@router.post("/{ticket_id}/answers", responses=_ANSWER_REFUSALS)
async def answer(
    ticket_id: str, body: CustomerAnswerRequest, desk: DeskDep, response: Response
) -> dict[str, Any]:
    """The customer answers their specialist; the ticket then waits for the specialist again.
    A wrong e-mail reads exactly like an unknown number."""
    response.headers["Cache-Control"] = "no-store"
    if not is_id("tkt", ticket_id):
        raise ticket_not_found()
    ticket = await conversation.answer(desk, ticket_id, body.email, body.message, body.reply_id)
    return customer_view(ticket, desk.sla)

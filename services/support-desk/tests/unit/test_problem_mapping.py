"""Handler refusals become the right problem: status, code, words, headers, in one mapping."""

from __future__ import annotations

import httpx
import pytest
from fastapi import APIRouter, FastAPI

from servicekit.problems import install_problem_handlers, map_errors
from support_desk.domain.states import TicketState, TransitionRefusedError
from support_desk.entrypoints.problems import STATUSES, problem_for
from support_desk.handlers import errors
from support_desk.handlers.errors import DeskError

CASES: list[tuple[DeskError, int, str]] = [
    (errors.TicketNotFoundError(), 404, "ticket_not_found"),
    (errors.TicketChangedError(), 409, "ticket_changed"),
    (errors.NoCustomerToWriteError(), 409, "no_customer"),
    (errors.NotPermittedError("not_your_ticket", "en", "az"), 403, "not_your_ticket"),
    (errors.UnknownSpecialistError("nigar"), 422, "unknown_specialist"),
    (errors.NotTheCustomerError(), 422, "not_the_customer"),
    (errors.AttachmentTooLargeError(), 413, "attachment_too_large"),
    (errors.AttachmentNotAnImageError(), 415, "attachment_not_an_image"),
]


@pytest.mark.parametrize(("error", "status", "code"), CASES)
def test_each_error_has_its_status_and_code(error: DeskError, status: int, code: str) -> None:
    problem = problem_for(error)
    assert (problem.status, problem.code) == (status, code)
    assert (problem.en, problem.az) == (error.en, error.az) and problem.az


def test_every_handler_error_is_mapped() -> None:
    kinds = {cls for cls in vars(errors).values() if isinstance(cls, type)}
    assert {k for k in kinds if issubclass(k, DeskError) and k is not DeskError} <= set(STATUSES)


def test_state_conflict_keeps_its_facts() -> None:
    refused = TransitionRefusedError("tkt_x", TicketState.RESOLVED, TicketState.ASSIGNED)
    problem = problem_for(errors.TicketStateConflictError(refused))
    assert (problem.status, problem.code) == (409, "ticket_state_conflict")
    assert problem.extra == {"state": "resolved", "allowed_from": list(refused.allowed)}


async def test_a_refusal_raised_in_a_route_answers_as_its_problem() -> None:
    router = APIRouter()

    @router.post("/tickets/{ticket_id}/assign")
    async def assign(ticket_id: str) -> None:
        raise errors.TicketChangedError()

    @router.get("/tickets/{ticket_id}")
    async def read(ticket_id: str) -> None:
        raise errors.TicketNotFoundError()

    app = FastAPI()
    install_problem_handlers(app)
    map_errors(app, DeskError, problem_for)
    app.include_router(router)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://desk") as client:
        changed = await client.post("/tickets/tkt_1/assign")
        missing = await client.get("/tickets/tkt_1")
    assert changed.status_code == 409 and changed.headers["Retry-After"] == "1"
    assert changed.json()["code"] == "ticket_changed"
    assert changed.json()["message"]["az"].startswith("Müraciət bu arada")
    assert missing.status_code == 404 and missing.json()["instance"] == "/api/support/tickets"
    assert missing.headers["content-type"] == "application/problem+json"

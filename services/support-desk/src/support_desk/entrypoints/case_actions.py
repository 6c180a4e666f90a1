"""The desk's actions on a case: ask the provider, retry, refund, confirm by hand, approve.
Each answers 202 with where the action stands; the case clears through the payment's events."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header

from contracts.ids import is_id
from servicekit.openapi import problem_responses, required_header
from servicekit.problems import Problem
from support_desk.domain.action_refusals import ActionNotFoundError
from support_desk.domain.actions import ActionRequest
from support_desk.entrypoints.action_requests import CaseActionRequest
from support_desk.entrypoints.auth import DeskDep, StaffDep
from support_desk.entrypoints.case_views import action_view
from support_desk.handlers import case_actions

router = APIRouter(prefix="/api/support/cases", tags=["case actions"])
_KEY = re.compile(r"^[A-Za-z0-9_.:-]{8,64}$")


def idempotency_key(
    idempotency_key: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> str:
    if idempotency_key is None or not _KEY.fullmatch(idempotency_key):
        raise Problem(
            400,
            "idempotency_key_missing" if idempotency_key is None else "idempotency_key_invalid",
            "Send an Idempotency-Key header of 8 to 64 letters, digits or - _ . : with the action.",
            "Əməliyyatla 8-64 hərf, rəqəm və ya - _ . : simvolundan ibarət Idempotency-Key "
            "başlığı göndərin.",
            ru="Отправьте с действием заголовок Idempotency-Key из 8–64 букв, цифр или - _ . :",
        )
    return idempotency_key


def _case(ticket_id: str) -> str:
    if not is_id("tkt", ticket_id):
        raise ActionNotFoundError()
    return ticket_id


_CONFLICTS = [
    "action_pending",
    "case_settling",
    "case_closed",
    "not_a_payment_case",
    "action_not_awaiting_approval",
]
_FORBIDDEN = ["supervisor_only", "not_your_ticket", "four_eyes"]
_ACT_REFUSALS = problem_responses(
    {
        400: ["idempotency_key_missing", "idempotency_key_invalid"],
        403: _FORBIDDEN,
        404: ["action_not_found"],
        409: _CONFLICTS,
        422: ["idempotency_key_reused"],
    }
)
_APPROVE_REFUSALS = problem_responses({403: _FORBIDDEN, 404: ["action_not_found"], 409: _CONFLICTS})


@router.post(
    "/{ticket_id}/actions",
    status_code=202,
    responses=_ACT_REFUSALS,
    openapi_extra=required_header(
        "Idempotency-Key",
        _KEY.pattern,
        "Required: the same key sent again answers the first answer and changes nothing.",
    ),
)
async def act(
    ticket_id: str,
    body: CaseActionRequest,
    desk: DeskDep,
    staff: StaffDep,
    key: Annotated[str, Depends(idempotency_key)],
) -> dict[str, Any]:
    """Orders the action (a refund above the limit waits for a second supervisor); the same key
    again answers the same and changes nothing."""
    request = ActionRequest(key, body.kind, body.note, body.provider_reference)
    action = await case_actions.act_on_case(desk, staff, _case(ticket_id), request)
    return action_view(ticket_id, action)


@router.post(
    "/{ticket_id}/actions/{action_id}/approve", status_code=202, responses=_APPROVE_REFUSALS
)
async def approve(ticket_id: str, action_id: str, desk: DeskDep, staff: StaffDep) -> dict[str, Any]:
    """A supervisor other than the one who asked approves a waiting action, which is then ordered."""
    action = await case_actions.approve(desk, staff, _case(ticket_id), action_id)
    return action_view(ticket_id, action)

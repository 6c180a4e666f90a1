"""The registry's signed HTTP/JSON API under /mcqs: submit a registration, read it, look up an IMEI."""

from __future__ import annotations

import json
import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import JSONResponse

from sandboxes.mcqs.imeis import is_valid_imei
from sandboxes.mcqs.registry import ConflictError, McqsRegistry, Status, Submission, iso
from sandboxes.mcqs.signature import SignedRoute

TRANSACTION_ID = re.compile(r"[A-Za-z0-9_.:-]{1,64}")


def _registry(request: Request) -> McqsRegistry:
    registry: McqsRegistry = request.app.state.mcqs
    return registry


RegistryDep = Annotated[McqsRegistry, Depends(_registry)]
router = APIRouter(prefix="/mcqs", tags=["mcqs"], route_class=SignedRoute)


@router.post("/registrations")
async def submit(request: Request, registry: RegistryDep) -> Response:
    payload = await _json_object(request)
    transaction_id, imeis = payload.get("transaction_id"), payload.get("imeis")
    brand, model, fee = payload.get("brand"), payload.get("model"), payload.get("fee_qepik")
    if (
        not isinstance(transaction_id, str)
        or not TRANSACTION_ID.fullmatch(transaction_id)
        or not isinstance(imeis, list)
        or not 1 <= len(imeis) <= 2
        or not all(isinstance(text, str | None) for text in (brand, model))
        or not (fee is None or (isinstance(fee, int) and not isinstance(fee, bool) and fee >= 0))
    ):
        return _error(400, "bad_request")
    if not all(is_valid_imei(imei) for imei in imeis) or len(set(imeis)) != len(imeis):
        return _error(422, "invalid_imei")
    registry.count_call(transaction_id)
    if registry.find(transaction_id) is None and registry.take_5xx(tuple(imeis)):
        return _error(503, "registry_unavailable")
    try:
        submission, is_new = registry.submit(transaction_id, tuple(imeis), brand, model, fee)
    except ConflictError:
        return _error(409, "transaction_conflict")
    return _answer(submission, registry.clock(), 201 if is_new else 200)


@router.get("/registrations/{transaction_id}")
async def read(transaction_id: str, registry: RegistryDep) -> Response:
    known = registry.find(transaction_id)
    if known is None:
        return _error(404, "transaction_not_found")
    return _answer(known, registry.clock())


@router.get("/imeis/{imei}")
async def look_up(imei: str, registry: RegistryDep) -> Response:
    if not is_valid_imei(imei):
        return _error(422, "invalid_imei")
    status, registered_at = registry.imei_status(imei)
    body = {
        "imei": imei,
        "status": status.value if status else "not_registered",
        "registered_at": registered_at,
    }
    return JSONResponse(body)


def _answer(submission: Submission, now: float, status_code: int = 200) -> Response:
    status = submission.status(now)
    body: dict[str, Any] = {
        "transaction_id": submission.transaction_id,
        "registry_reference": submission.reference,
        "status": status.value,
        "imeis": list(submission.imeis),
        "submitted_at": iso(submission.submitted_at),
        "expected_by": iso(submission.completes_at) if submission.reject_code is None else None,
        "registered_at": iso(submission.completes_at) if status is Status.REGISTERED else None,
        "code": submission.reject_code,
        "reason": submission.reject_reason,
    }
    return JSONResponse(body, status_code=status_code)


async def _json_object(request: Request) -> dict[str, Any]:
    try:
        payload = json.loads(await request.body())
    except ValueError:
        return {}
    return payload if isinstance(payload, dict) else {}


def _error(status_code: int, error: str) -> Response:
    return JSONResponse({"error": error}, status_code=status_code)

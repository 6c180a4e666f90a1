"""The REST/JSON family: signed lookups and idempotent payments under /providers/rest/{service_id}."""

from __future__ import annotations

import json
import re
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from sandboxes.providers.accounts import account_problem, profile_of
from sandboxes.providers.codes import ResultCode, comment_for
from sandboxes.providers.sandbox import SandboxDep
from sandboxes.providers.signature import SignedRoute
from sandboxes.providers.store import Transaction

router = APIRouter(prefix="/rest/{service_id}", tags=["providers: rest"], route_class=SignedRoute)

TRANSACTION_ID = re.compile(r"[A-Za-z0-9_.:-]{1,64}")


@router.post("/accounts/lookup")
async def lookup_account(service_id: str, request: Request, sandbox: SandboxDep) -> Response:
    await sandbox.delay(service_id)
    account = (await _json_object(request)).get("account")
    if not isinstance(account, str):
        return _error(400, "bad_request")
    if sandbox.store.faults_for(service_id).lookup_down:
        return _error(503, "lookup_unavailable")
    match account_problem(account):
        case ResultCode.WRONG_ACCOUNT_FORMAT:
            return _error(422, "invalid_account")
        case ResultCode.ACCOUNT_NOT_FOUND:
            return _error(404, "account_not_found")
    profile = profile_of(account)
    found = {
        "account": profile.account,
        "holder": profile.holder,
        "balance_qepik": profile.balance_qepik,
        "debt_qepik": profile.debt_qepik,
        "min_qepik": profile.min_qepik,
        "max_qepik": profile.max_qepik,
    }
    return JSONResponse({name: value for name, value in found.items() if value is not None})


@router.post("/payments")
async def create_payment(service_id: str, request: Request, sandbox: SandboxDep) -> Response:
    payload = await _json_object(request)
    transaction_id, account = payload.get("transaction_id"), payload.get("account")
    amount_qepik = payload.get("amount_qepik")
    if (
        not isinstance(transaction_id, str)
        or not TRANSACTION_ID.fullmatch(transaction_id)
        or not isinstance(account, str)
        or not isinstance(amount_qepik, int)
        or isinstance(amount_qepik, bool)
    ):
        return _error(400, "bad_request")
    is_new = sandbox.store.find(service_id, transaction_id) is None
    outcome = await sandbox.pay(request, service_id, transaction_id, account, amount_qepik)
    if isinstance(outcome, Response):
        return outcome
    return _payment(outcome, sandbox.store.clock(), status_code=201 if is_new else 200)


@router.get("/payments/{transaction_id}")
async def read_payment(service_id: str, transaction_id: str, sandbox: SandboxDep) -> Response:
    await sandbox.delay(service_id)
    known = sandbox.store.status_query(service_id, transaction_id)
    if known is None:
        return _error(404, "transaction_not_found")
    return _payment(known, sandbox.store.clock())


def _payment(transaction: Transaction, now: float, status_code: int = 200) -> Response:
    code = transaction.code(now)
    body = {
        "transaction_id": transaction.txn_id,
        "status": transaction.state(now).value,
        "provider_reference": transaction.provider_reference,
        "code": str(code),
        "message": comment_for(code),
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

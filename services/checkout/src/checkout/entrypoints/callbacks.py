"""The bank's signed callbacks: checked, applied once, recorded; duplicates and replays change nothing."""

from __future__ import annotations

import json
import time
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from pydantic import ValidationError

from checkout.adapters.bank import BankUnavailableError
from checkout.adapters.signing import callback_is_authentic
from checkout.entrypoints import problems
from checkout.entrypoints.api import CheckoutDep
from checkout.entrypoints.schemas import CallbackAnswer
from checkout.handlers.bank_outcomes import BankCallback, apply_bank_callback
from servicekit.openapi import problem_responses

router = APIRouter(prefix="/api/payments", tags=["bank"])


@router.post(
    "/bank-callbacks",
    response_model=CallbackAnswer,
    responses=problem_responses(
        {400: ["bad_callback"], 401: ["bad_signature"], 503: ["bank_unavailable"]}
    ),
)
async def bank_callback(
    request: Request,
    checkout: CheckoutDep,
    x_bank_timestamp: Annotated[str | None, Header()] = None,
    x_bank_signature: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    body = await request.body()
    secret = checkout.settings.bank_callback_secret.get_secret_value()
    if not callback_is_authentic(secret, x_bank_timestamp, x_bank_signature, body, time.time()):
        raise problems.bad_signature()
    try:
        callback = BankCallback.model_validate(json.loads(body))
    except (ValueError, ValidationError):
        raise problems.bad_callback() from None
    try:
        outcome = await apply_bank_callback(checkout, callback)
    except BankUnavailableError:
        raise problems.bank_unavailable() from None
    return {"result": outcome.value}

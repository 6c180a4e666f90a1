"""The signed merchant API checkout calls: sessions, transaction status, refunds, settlements."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from sandboxes.bank.settlement import settlement_csv, settlement_rows
from sandboxes.bank.signing import is_fresh, is_valid_merchant_request
from sandboxes.bank.state import BankDep, BankState
from sandboxes.bank.store import SessionRequest
from sandboxes.bank.transaction import BankConflict

MERCHANT_ID = "portal"


class SignedRoute(APIRoute):
    """Checks `X-Signature` over the raw body before FastAPI reads the request at all."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def handle_if_signed(request: Request) -> Response:
            if not _is_signed(request, await request.body(), request.app.state.bank):
                return JSONResponse({"error": "bad_signature"}, status_code=401)
            return await handle(request)

        return handle_if_signed


def _is_signed(request: Request, body: bytes, bank: BankState) -> bool:
    timestamp = request.headers.get("X-Timestamp", "")
    return (
        request.headers.get("X-Merchant-Id") == MERCHANT_ID
        and is_fresh(timestamp, bank.clock.now().timestamp())
        and is_valid_merchant_request(
            bank.settings.merchant_secret,
            timestamp,
            request.headers.get("X-Signature", ""),
            request.method,
            request.url.path,
            body,
        )
    )


def _http_url(value: str) -> str:
    if not value.startswith(("http://", "https://")):
        raise ValueError("must be an http:// or https:// URL")
    return value


HttpUrlText = Annotated[str, Field(max_length=2000), AfterValidator(_http_url)]


class OpenSessionBody(BaseModel):
    model_config = ConfigDict(frozen=True)

    order_id: str = Field(min_length=1, max_length=100)
    amount_qepik: int = Field(gt=0, strict=True)
    currency: Literal["AZN"]
    description: str = Field(max_length=300)
    return_url: HttpUrlText
    callback_url: HttpUrlText
    language: Literal["az", "en"] = "az"  # the card page speaks these two (docs/protocols.md §1)


class RefundBody(BaseModel):
    model_config = ConfigDict(frozen=True)

    refund_id: str = Field(min_length=1, max_length=100)
    order_id: str = Field(min_length=1, max_length=100)
    amount_qepik: int = Field(gt=0, strict=True)


def _refused(status_code: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status_code)


router = APIRouter(route_class=SignedRoute, tags=["bank: merchant API"])


@router.post("/sessions", status_code=201, response_model=None)
async def open_session(
    body: OpenSessionBody, bank: BankDep, response: Response
) -> dict[str, Any] | JSONResponse:
    try:
        transaction, created = bank.store.open_session(SessionRequest(**body.model_dump()))
    except BankConflict as conflict:
        return _refused(409, conflict.code, conflict.message)
    if not created:
        response.status_code = 200
    return {
        "session_id": transaction.session_id,
        "payment_page_url": f"{bank.settings.bank_url}/pay/{transaction.session_id}",
        "expires_at": transaction.expires_at.isoformat(),
    }


@router.get("/transactions/{order_id}", response_model=None)
async def transaction_status(order_id: str, bank: BankDep) -> dict[str, Any] | JSONResponse:
    transaction = bank.store.by_order(order_id)
    if transaction is None:
        return _refused(404, "unknown_order", f"no session was opened for {order_id}")
    return transaction.status_body()


@router.post("/refunds", response_model=None)
async def refund(body: RefundBody, bank: BankDep) -> dict[str, Any] | JSONResponse:
    if bank.refunds_unavailable:  # injected: the refund API is down until switched back on
        return _refused(503, "refunds_unavailable", "refunds are not accepted right now")
    if bank.refund_failures > 0:  # injected: the next N refunds fail, the merchant must retry
        bank.refund_failures -= 1
        return _refused(503, "temporarily_unavailable", "refunds are not possible right now")
    try:
        done = bank.store.refund(body.refund_id, body.order_id, body.amount_qepik)
    except BankConflict as conflict:
        return _refused(409, conflict.code, conflict.message)
    if done is None:
        return _refused(404, "unknown_order", f"no session was opened for {body.order_id}")
    return {
        "refund_reference": done.refund_reference,
        "status": "refunded",
        "amount_qepik": done.amount_qepik,
    }


@router.get("/settlements/{day}.csv", response_class=Response)
async def settlement_report(day: date, bank: BankDep) -> Response:
    rows = settlement_rows(day, bank.store.transactions(), bank.store.refunds())
    return Response(settlement_csv(rows), media_type="text/csv; charset=utf-8")

"""Customers' HTTP API: create a payment, follow it, fetch its receipt."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse

from checkout.domain.states import PaymentState
from checkout.handlers.context import Checkout
from checkout.handlers.create import create_payment
from checkout.receipt import receipt_html
from checkout.views import CreatePaymentRequest, payment_view
from contracts.ids import is_id
from servicekit.problems import Problem

router = APIRouter(prefix="/api/payments", tags=["payments"])
_KEY = re.compile(r"^[A-Za-z0-9_.:-]{8,64}$")


def checkout_context(request: Request) -> Checkout:
    context: Checkout = request.app.state.context
    return context


CheckoutDep = Annotated[Checkout, Depends(checkout_context)]


def idempotency_key(idempotency_key: Annotated[str | None, Header()] = None) -> str:
    if idempotency_key is None:
        raise Problem(
            400,
            "idempotency_key_missing",
            "Send an Idempotency-Key header with the payment.",
            "Ödənişlə birlikdə Idempotency-Key başlığını göndərin.",
        )
    if not _KEY.fullmatch(idempotency_key):
        raise Problem(
            400,
            "idempotency_key_invalid",
            "The Idempotency-Key must be 8 to 64 letters, digits or - _ . :",
            "Idempotency-Key 8-64 hərf, rəqəm və ya - _ . : simvolundan ibarət olmalıdır.",
        )
    return idempotency_key


@router.post("", status_code=201)
async def create(
    body: CreatePaymentRequest, checkout: CheckoutDep, key: Annotated[str, Depends(idempotency_key)]
) -> JSONResponse:
    status, answer = await create_payment(checkout, key, body)
    return JSONResponse(answer, status_code=status, headers={"Location": answer["status_url"]})


async def _payment_or_404(checkout: Checkout, payment_id: str) -> Any:
    payment = await checkout.payments.get(payment_id) if is_id("pay", payment_id) else None
    if payment is None:
        raise Problem(404, "payment_not_found", "There is no such payment.", "Belə ödəniş yoxdur.")
    return payment


@router.get("/{payment_id}")
async def read(payment_id: str, checkout: CheckoutDep, response: Response) -> dict[str, Any]:
    payment = await _payment_or_404(checkout, payment_id)
    response.headers["Cache-Control"] = "no-store"
    return payment_view(payment)


@router.get("/{payment_id}/receipt", response_class=HTMLResponse)
async def receipt(payment_id: str, checkout: CheckoutDep) -> HTMLResponse:
    payment = await _payment_or_404(checkout, payment_id)
    if payment.state is not PaymentState.COMPLETED:
        raise Problem(
            409,
            "receipt_not_ready",
            "A receipt exists only for a completed payment.",
            "Qəbz yalnız tamamlanmış ödəniş üçün olur.",
            extra={"state": payment.state.value},
        )
    return HTMLResponse(
        receipt_html(payment),
        headers={"Content-Disposition": f'inline; filename="{payment.id}.html"'},
    )

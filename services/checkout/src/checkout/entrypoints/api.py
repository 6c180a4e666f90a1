"""Customers' HTTP API: create a payment, follow it, fetch its receipt."""

from __future__ import annotations

import asyncio
import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Response
from fastapi.responses import HTMLResponse, JSONResponse

from checkout.domain.payment import Payment
from checkout.domain.states import PaymentState
from checkout.entrypoints import problems
from checkout.entrypoints.schemas import PaymentCreated, PaymentStatus
from checkout.handlers.context import Checkout
from checkout.handlers.create import create_payment
from checkout.receipts import receipt_html, receipt_pdf
from checkout.receipts.content import pdf_filename
from checkout.views import CreatePaymentRequest, payment_view
from contracts.events.payments import Language
from contracts.ids import is_id
from servicekit.lifespan import context_dependency
from servicekit.openapi import (
    AnyCode,
    answers_as,
    binary_success,
    problem_responses,
    required_header,
)

router = APIRouter(prefix="/api/payments", tags=["payments"])
_KEY = re.compile(r"^[A-Za-z0-9_.:-]{8,64}$")
_NOT_FOUND = problem_responses({404: ["payment_not_found"]})
_RECEIPT_REFUSALS = problem_responses({404: ["payment_not_found"], 409: ["receipt_not_ready"]})


CheckoutDep = Annotated[Checkout, Depends(context_dependency(Checkout))]
# A receipt's language: the page's; without it, the one the customer paid in.
LangQuery = Annotated[Language | None, Query()]


def idempotency_key(
    idempotency_key: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> str:
    if idempotency_key is None:
        raise problems.idempotency_key_missing()
    if not _KEY.fullmatch(idempotency_key):
        raise problems.idempotency_key_invalid()
    return idempotency_key


@router.post(
    "",
    status_code=201,
    response_model=PaymentCreated,
    # 404/409/422/503 may relay provider-gateway's refusal of the account or amount, code and all.
    responses=problem_responses(
        {
            400: ["idempotency_key_missing", "idempotency_key_invalid"],
            404: AnyCode,
            409: AnyCode,
            422: AnyCode,
            503: AnyCode,
        }
    ),
    openapi_extra=required_header(
        "Idempotency-Key",
        _KEY.pattern,
        "Required: the same key sent again answers the first answer, never a second payment.",
    ),
)
async def create(
    body: CreatePaymentRequest, checkout: CheckoutDep, key: Annotated[str, Depends(idempotency_key)]
) -> JSONResponse:
    answer = await create_payment(checkout, key, body)  # refusals: see problems.py
    return JSONResponse(answer, status_code=201, headers={"Location": answer["status_url"]})


async def _payment_or_404(checkout: Checkout, payment_id: str) -> Any:
    payment = await checkout.payments.get(payment_id) if is_id("pay", payment_id) else None
    if payment is None:
        raise problems.payment_not_found()
    return payment


@router.get("/{payment_id}", responses=answers_as(PaymentStatus) | _NOT_FOUND)
async def read(payment_id: str, checkout: CheckoutDep, response: Response) -> dict[str, Any]:
    payment = await _payment_or_404(checkout, payment_id)
    response.headers["Cache-Control"] = "no-store"
    return payment_view(payment)


async def _completed_payment(checkout: Checkout, payment_id: str) -> Payment:
    payment: Payment = await _payment_or_404(checkout, payment_id)
    if payment.state is not PaymentState.COMPLETED:
        raise problems.receipt_not_ready(payment.state.value)
    return payment


@router.get("/{payment_id}/receipt", response_class=HTMLResponse, responses=_RECEIPT_REFUSALS)
async def receipt(payment_id: str, checkout: CheckoutDep, lang: LangQuery = None) -> HTMLResponse:
    """In `lang` (the page's language) or else the language the customer paid in."""
    payment = await _completed_payment(checkout, payment_id)
    pdf = f"receipt.pdf?lang={lang}" if lang else "receipt.pdf"  # beside this page
    return HTMLResponse(
        receipt_html(payment, pdf, language=lang),
        headers={"Content-Disposition": f'inline; filename="{payment.id}.html"'},
    )


@router.get(
    "/{payment_id}/receipt.pdf",
    response_class=Response,
    responses=binary_success("application/pdf") | _RECEIPT_REFUSALS,
)
async def receipt_as_pdf(
    payment_id: str, checkout: CheckoutDep, lang: LangQuery = None
) -> Response:
    payment = await _completed_payment(checkout, payment_id)
    return Response(
        # fonts are read and laid out: not on the loop
        await asyncio.to_thread(receipt_pdf, payment, language=lang),
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{pdf_filename(payment)}"'},
    )

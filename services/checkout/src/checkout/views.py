"""The API's shapes: what a customer sends to pay, and how a payment reads back to them."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StrictInt, StringConstraints

from checkout.domain.advice import next_step, step_text
from checkout.domain.decline_advice import FAQ_URL, decline_advice
from checkout.domain.payment import Payment
from checkout.domain.states import PaymentState
from contracts.money import Money

AmountText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=16)]


class CreatePaymentRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    service_id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
    account: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
    amount: AmountText | StrictInt = Field(description='manat, e.g. "10.50"; at most two decimals')
    email: EmailStr | None = Field(default=None, max_length=254)
    language: Literal["az", "en", "ru"] = "az"


def money_view(money: Money) -> dict[str, Any]:
    return {"qepik": money.qepik, "text": str(money)}


def _amounts(payment: Payment) -> dict[str, Any]:
    return {
        "amount": money_view(payment.amount),
        "fee": money_view(payment.fee),
        "total": money_view(payment.total),
    }


def payment_created_view(payment: Payment) -> dict[str, Any]:
    return {
        "payment_id": payment.id,
        "state": payment.state.value,
        "payment_page_url": payment.payment_page_url,
        "expires_at": payment.expires_at.isoformat(),
        **_amounts(payment),
        "status_url": f"/api/payments/{payment.id}",
    }


def payment_view(payment: Payment) -> dict[str, Any]:
    view: dict[str, Any] = {
        "payment_id": payment.id,
        "service_id": payment.service_id,
        "account": payment.account,
        **_amounts(payment),
        "state": payment.state.value,
        "final": payment.state.is_terminal(),
        "created_at": payment.created_at.isoformat(),
        "expires_at": payment.expires_at.isoformat(),
        "history": [
            {
                "state": step.state.value,
                "at": step.at.isoformat(),
                "reason": step.reason,
                "text": step_text(step.reason),
                **({"detail": step.detail} if step.detail else {}),
            }
            for step in payment.history
        ],
        "next_step": next_step(payment),
    }
    if payment.state is PaymentState.INITIATED and payment.payment_page_url:
        view["payment_page_url"] = payment.payment_page_url
    if payment.state is PaymentState.DECLINED and payment.decline_reason:
        view["decline_reason"] = payment.decline_reason.value
        view["advice"] = decline_advice(payment.decline_reason)
        view["faq_url"] = FAQ_URL
    if payment.state is PaymentState.REFUNDED and payment.refund_reference:
        view["refund_reference"] = payment.refund_reference  # what the card's bank knows it by
    if payment.state is PaymentState.COMPLETED:
        view["receipt_url"] = f"/api/payments/{payment.id}/receipt"
        view["receipt_pdf_url"] = f"/api/payments/{payment.id}/receipt.pdf"
    return view

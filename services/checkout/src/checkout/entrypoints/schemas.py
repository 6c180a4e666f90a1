"""What the payments API answers, as typed models for its OpenAPI (and the fuzzer that holds the
answers to them): the views in `checkout.views` build these shapes."""

from __future__ import annotations

from pydantic import BaseModel

from checkout.domain.states import PaymentState
from checkout.handlers.bank_outcomes import Applied

Words = dict[str, str]  # az, en and (where written) ru


class Amount(BaseModel):
    qepik: int
    text: str


class PaymentCreated(BaseModel):
    payment_id: str
    state: PaymentState
    payment_page_url: str | None
    expires_at: str
    amount: Amount
    fee: Amount
    total: Amount
    status_url: str


class Step(BaseModel):
    state: PaymentState
    at: str
    reason: str | None
    text: Words
    detail: str | None = None


class AdvicePoint(BaseModel):
    point: str
    az: str
    en: str
    ru: str | None = None


class PaymentStatus(BaseModel):
    """A payment as its customer follows it; the optional members appear in the states named."""

    payment_id: str
    service_id: str
    account: str
    amount: Amount
    fee: Amount
    total: Amount
    state: PaymentState
    final: bool
    created_at: str
    expires_at: str
    history: list[Step]
    next_step: Words
    payment_page_url: str | None = None  # initiated
    decline_reason: str | None = None  # declined
    advice: list[AdvicePoint] | None = None  # declined
    faq_url: str | None = None  # declined
    refund_reference: str | None = None  # refunded
    receipt_url: str | None = None  # completed
    receipt_pdf_url: str | None = None  # completed


class CallbackAnswer(BaseModel):
    result: Applied

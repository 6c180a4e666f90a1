"""Events of a payment's life at checkout and at the bank (topic payments.v1)."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import AwareDatetime, EmailStr, Field

from contracts.events.base import EventData
from contracts.ids import PaymentId
from contracts.money import Money
from contracts.topics import Topic

Language = Literal["az", "en", "ru"]


class DeclineReason(StrEnum):
    """Why the bank refused the card, in the words the FAQ's advice is keyed by."""

    INSUFFICIENT_FUNDS = "insufficient_funds"
    DO_NOT_HONOUR = "do_not_honour"
    EXPIRED_CARD = "expired_card"
    THREE_DS_FAILED = "three_ds_failed"
    OTHER = "other"


class _PaymentEvent(EventData):
    topic = Topic.PAYMENTS
    payment_id: PaymentId


class PaymentInitiated(_PaymentEvent):
    type = "payment-initiated"
    service_id: str = Field(min_length=1, max_length=64)
    account: str = Field(min_length=1, max_length=64, description="normalised account number")
    amount: Money = Field(description="what the provider is paid")
    fee: Money = Field(description="the portal's commission")
    total: Money = Field(description="what the card is charged: amount + fee")
    customer_email: EmailStr | None = None
    language: Language | None = Field(
        default=None, description="the language the customer paid in: their letters use it"
    )
    initiated_at: AwareDatetime
    expires_at: AwareDatetime


class PaymentExpired(_PaymentEvent):
    type = "payment-expired"
    expired_at: AwareDatetime


class CardDebited(_PaymentEvent):
    type = "card-debited"
    service_id: str = Field(min_length=1, max_length=64)
    account: str = Field(min_length=1, max_length=64)
    amount: Money = Field(description="what the provider is to be paid")
    total: Money = Field(description="what the bank took from the card")
    bank_reference: str = Field(min_length=1, max_length=64)
    debited_at: AwareDatetime


class CardDeclined(_PaymentEvent):
    type = "card-declined"
    reason: DeclineReason
    bank_code: str = Field(max_length=16)
    declined_at: AwareDatetime


class RefundRequested(_PaymentEvent):
    type = "refund-requested"
    total: Money
    reason: str = Field(max_length=500)
    requested_at: AwareDatetime


class PaymentRefunded(_PaymentEvent):
    type = "payment-refunded"
    total: Money
    bank_refund_reference: str = Field(min_length=1, max_length=64)
    refunded_at: AwareDatetime


class PaymentCompleted(_PaymentEvent):
    type = "payment-completed"
    service_id: str
    amount: Money
    provider_transaction_id: str
    completed_at: AwareDatetime

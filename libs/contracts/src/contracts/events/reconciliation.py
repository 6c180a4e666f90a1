"""What the reconciler finds and clears (topic reconciliation.v1)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, EmailStr, Field

from contracts.events.base import EventData
from contracts.events.payments import Language
from contracts.ids import PaymentId
from contracts.money import Money
from contracts.topics import Topic


class MismatchKind(StrEnum):
    DEBITED_NOT_ACTIVATED = "debited_not_activated"
    ACTIVATED_NOT_DEBITED = "activated_not_debited"
    AMOUNT_DIFFERS = "amount_differs"
    DOUBLE_ACTIVATION = "double_activation"
    BANK_ONLY = "bank_only"
    OURS_ONLY = "ours_only"
    BANK_AMOUNT_DIFFERS = "bank_amount_differs"
    ACTIVATED_AFTER_REFUND = "activated_after_refund"
    REFUND_NOT_CONFIRMED = "refund_not_confirmed"
    DEBIT_AMOUNT_DIFFERS = "debit_amount_differs"  # the bank took other than the total we asked
    DEBITED_TWICE = "debited_twice"
    PROVIDER_ONLY = "provider_only"
    OURS_ONLY_AT_PROVIDER = "ours_only_at_provider"
    PROVIDER_AMOUNT_DIFFERS = "provider_amount_differs"


class TrailEntry(BaseModel):
    """One event the reconciler saw for the payment, so a specialist can read its story."""

    model_config = ConfigDict(frozen=True, extra="ignore")  # as EventData: it travels inside one

    event_id: str
    type: str
    time: AwareDatetime


class MismatchDetected(EventData):
    topic = Topic.RECONCILIATION
    type = "mismatch-detected"
    payment_id: PaymentId
    kind: MismatchKind
    service_id: str | None = None
    account: str | None = None
    debited: Money | None = None
    activated: Money | None = None
    debited_at: AwareDatetime | None = None
    deadline: AwareDatetime | None = None
    expected: Money | None = Field(default=None, description="what we asked the card for")
    refunded: Money | None = None
    refunded_at: AwareDatetime | None = None
    at_provider: Money | None = Field(default=None, description="the provider's registry amount")
    note: str | None = Field(default=None, max_length=500, description="what happened, in words")
    trail: tuple[TrailEntry, ...] = ()
    customer_email: EmailStr | None = Field(
        default=None, description="whom to tell, if the customer gave an e-mail when paying"
    )
    language: Language | None = Field(default=None, description="the language they paid in")
    detected_at: AwareDatetime


class MismatchCleared(EventData):
    topic = Topic.RECONCILIATION
    type = "mismatch-cleared"
    payment_id: PaymentId
    kind: MismatchKind
    cleared_by: str = Field(max_length=64, description="the event type that settled it")
    cleared_at: AwareDatetime
    provider_transaction_id: str | None = Field(
        default=None, max_length=64, description="the provider's reference, when activated"
    )
    bank_refund_reference: str | None = Field(
        default=None, max_length=64, description="the bank's refund reference, when refunded"
    )
    refunded: Money | None = Field(default=None, description="what went back to the card")
    refunded_at: AwareDatetime | None = None

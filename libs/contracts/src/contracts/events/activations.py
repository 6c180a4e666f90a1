"""Outcomes of paying the provider for a debited payment (topic activations.v1)."""

from __future__ import annotations

from pydantic import AwareDatetime, Field

from contracts.events.base import EventData
from contracts.ids import PaymentId
from contracts.money import Money
from contracts.topics import Topic


class _ActivationEvent(EventData):
    topic = Topic.ACTIVATIONS
    payment_id: PaymentId
    service_id: str = Field(min_length=1, max_length=64)


class ProviderActivated(_ActivationEvent):
    type = "provider-activated"
    amount: Money = Field(description="what the provider confirmed it was paid")
    provider_transaction_id: str = Field(min_length=1, max_length=64)
    activated_at: AwareDatetime
    confirmed_by_hand: str | None = Field(
        default=None,
        max_length=600,
        description="who confirmed it by hand from the provider's word, and their note; "
        "None when the provider answered us",
    )


class ActivationFailed(_ActivationEvent):
    """Final: the service will not be activated; checkout refunds the payment.

    The provider refused it, or said it never received it; imei-registry also gives up on a
    registry that stayed unreachable past its own deadline.
    """

    type = "activation-failed"
    provider_code: str = Field(max_length=32)
    reason: str = Field(max_length=500)
    failed_at: AwareDatetime


class ActivationUnknown(_ActivationEvent):
    """Not final: the deadline passed and nobody knows yet whether the provider was paid.

    Nothing is refunded on silence: provider-gateway keeps asking on a schedule and later emits
    `provider-activated` or `activation-failed`, or after its last check leaves it to a person.
    """

    type = "activation-unknown"
    last_answer: str = Field(max_length=500, description="the provider's last answer, as read")
    next_check_at: AwareDatetime = Field(description="when provider-gateway asks `status` again")
    unknown_since: AwareDatetime

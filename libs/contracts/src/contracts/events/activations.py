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


class ActivationFailed(_ActivationEvent):
    """Final: the provider refused for good, or the deadline passed without an answer."""

    type = "activation-failed"
    provider_code: str = Field(max_length=32)
    reason: str = Field(max_length=500)
    failed_at: AwareDatetime

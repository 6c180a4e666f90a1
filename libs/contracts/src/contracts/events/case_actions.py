"""What a specialist ordered on a case (topic support.v1, keyed by the payment): each order is
carried out by the service that owns the fact, and the case then clears through the usual events."""

from __future__ import annotations

from pydantic import AwareDatetime, Field

from contracts.events.base import EventData
from contracts.ids import PaymentId, TicketId
from contracts.topics import Topic


class _CaseOrder(EventData):
    topic = Topic.SUPPORT
    action_id: str = Field(min_length=1, max_length=64, description="the case action's id")
    ticket_id: TicketId
    payment_id: PaymentId
    ordered_by: str = Field(min_length=1, max_length=64, description="the specialist's username")
    approved_by: str | None = Field(
        default=None, max_length=64, description="the supervisor who approved it (four eyes)"
    )
    note: str = Field(max_length=500)
    ordered_at: AwareDatetime


class ProviderCheckOrdered(_CaseOrder):
    """A specialist asks provider-gateway to ask the provider about the payment now."""

    type = "provider-check-ordered"


class ActivationRetryOrdered(_CaseOrder):
    """A specialist asks provider-gateway to try the activation again (same transaction id)."""

    type = "activation-retry-ordered"


class RefundOrdered(_CaseOrder):
    """A specialist orders checkout to refund the payment's total to the card."""

    type = "refund-ordered"


class ActivationConfirmedByHand(_CaseOrder):
    """A supervisor saw the provider's confirmation: provider-gateway records it as activated."""

    type = "activation-confirmed-by-hand"
    provider_reference: str = Field(min_length=1, max_length=64)

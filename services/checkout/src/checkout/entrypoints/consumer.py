"""Events checkout reacts to: the provider's activation outcomes, and refunds ordered on a case. The table below is the whole
list; the consumer reads these types and skips the rest of the topic unread."""

from __future__ import annotations

from checkout.handlers.activation import complete_payment, refund_failed_payment
from checkout.handlers.context import Checkout
from checkout.handlers.refund_order import refund_ordered_payment
from contracts.envelope import Envelope
from contracts.events import ActivationFailed, ProviderActivated, RefundOrdered
from servicekit.event_handlers import EventHandlers


async def _activated(checkout: Checkout, event: ProviderActivated, _envelope: Envelope) -> None:
    await complete_payment(checkout, event)


async def _failed(checkout: Checkout, event: ActivationFailed, _envelope: Envelope) -> None:
    await refund_failed_payment(checkout, event)


async def _refund_ordered(checkout: Checkout, event: RefundOrdered, _envelope: Envelope) -> None:
    await refund_ordered_payment(checkout, event)


EVENT_HANDLERS: EventHandlers[Checkout] = {
    ProviderActivated: _activated,
    ActivationFailed: _failed,
    RefundOrdered: _refund_ordered,  # a specialist's order on the payment's case (support.v1)
}

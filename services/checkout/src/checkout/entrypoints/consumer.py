"""Events checkout reacts to: the provider's activation outcomes."""

from __future__ import annotations

from checkout.handlers.activation import complete_payment, refund_failed_payment
from checkout.handlers.context import Checkout
from contracts.envelope import Envelope
from contracts.events import ActivationFailed, ProviderActivated
from servicekit.lifespan import Handle


def make_handler(checkout: Checkout) -> Handle:
    async def handle(envelope: Envelope) -> None:
        match envelope.event():
            case ProviderActivated() as activated:
                await complete_payment(checkout, activated)
            case ActivationFailed() as failed:
                await refund_failed_payment(checkout, failed)
            case _:
                pass  # other services' events on this topic are not checkout's business

    return handle

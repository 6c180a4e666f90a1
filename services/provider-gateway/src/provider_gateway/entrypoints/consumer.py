"""Events provider-gateway reacts to (`card-debited`, and a specialist's orders on a case; the
rest of payments.v1 and support.v1 is not ours), and the loops that carry activations on without
an event."""

from __future__ import annotations

import logging

from contracts.envelope import Envelope
from contracts.events import (
    ActivationConfirmedByHand,
    ActivationRetryOrdered,
    CardDebited,
    ProviderCheckOrdered,
)
from provider_gateway.gateway import Activations
from provider_gateway.handlers import case_orders
from provider_gateway.handlers.card_debited import activate_debited_payment
from servicekit.event_handlers import EventHandlers

log = logging.getLogger(__name__)


async def _debited(activations: Activations, event: CardDebited, envelope: Envelope) -> None:
    gateway = activations.gateway
    await activate_debited_payment(
        event,
        envelope.correlationid,
        catalog=gateway.catalog,
        activations=activations.repository,
        runner=activations.runner,
        clock=gateway.clock,
        deadline=gateway.settings.retry_policy.deadline,
    )


async def _check_ordered(
    activations: Activations, event: ProviderCheckOrdered, _envelope: Envelope
) -> None:
    await case_orders.check_now(activations, event)


async def _retry_ordered(
    activations: Activations, event: ActivationRetryOrdered, _envelope: Envelope
) -> None:
    await case_orders.retry_activation(activations, event)


async def _confirmed_by_hand(
    activations: Activations, event: ActivationConfirmedByHand, _envelope: Envelope
) -> None:
    await case_orders.confirm_by_hand(activations, event)


EVENT_HANDLERS: EventHandlers[Activations] = {
    CardDebited: _debited,
    ProviderCheckOrdered: _check_ordered,  # a specialist's orders on a case (support.v1)
    ActivationRetryOrdered: _retry_ordered,
    ActivationConfirmedByHand: _confirmed_by_hand,
}


async def resume_unfinished(activations: Activations) -> None:
    """A start-up loop: activations an earlier run left in progress carry on."""
    await activations.runner.resume_unfinished()


async def check_unknown_outcomes(activations: Activations) -> None:
    """Forever: the due checks of activations whose outcome is unknown, one sweep at a time."""
    gateway = activations.gateway
    while True:
        try:
            await activations.unknown_checks.check_due()
        except Exception:  # the database or a provider away: the checks stay due for the next
            log.exception("unknown-outcome sweep failed")
        await gateway.clock.sleep(gateway.settings.unknown_sweep_seconds)

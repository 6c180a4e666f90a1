"""Events provider-gateway reacts to: only `card-debited`; the rest of payments.v1 is not ours."""

from __future__ import annotations

from contracts.envelope import Envelope
from contracts.events import CardDebited
from provider_gateway.gateway import Activations
from provider_gateway.handlers.card_debited import activate_debited_payment
from servicekit.event_handlers import EventHandlers


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


EVENT_HANDLERS: EventHandlers[Activations] = {CardDebited: _debited}


async def resume_unfinished(activations: Activations) -> None:
    """A start-up loop: activations an earlier run left in progress carry on."""
    await activations.runner.resume_unfinished()

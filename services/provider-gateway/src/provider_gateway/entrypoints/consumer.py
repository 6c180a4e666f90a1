"""Events provider-gateway reacts to: only `card-debited`; the rest of payments.v1 is not ours."""

from __future__ import annotations

import logging

from contracts.envelope import Envelope
from contracts.events import CardDebited
from provider_gateway.gateway import Activations
from provider_gateway.handlers.card_debited import activate_debited_payment
from servicekit.lifespan import Handle

log = logging.getLogger(__name__)


def make_handler(activations: Activations) -> Handle:
    gateway = activations.gateway

    async def handle(envelope: Envelope) -> None:
        if envelope.type != CardDebited.type:
            log.debug("%s is not handled here", envelope.type)
            return
        debited = envelope.event()
        if not isinstance(debited, CardDebited):  # the type said so; the data must agree
            raise TypeError(f"{envelope.id} is typed card-debited but holds {type(debited)}")
        await activate_debited_payment(
            debited,
            envelope.correlationid,
            catalog=gateway.catalog,
            records=activations.records,
            runner=activations.runner,
            clock=gateway.clock,
            deadline=gateway.settings.retry_policy.deadline,
        )

    return handle


async def resume_unfinished(activations: Activations) -> None:
    """A start-up loop: activations an earlier run left in progress carry on."""
    await activations.runner.resume_unfinished()

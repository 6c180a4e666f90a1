"""What a specialist ordered on a payment's case: ask the provider now, retry the activation, or
record the provider's confirmation read by a supervisor. Each is guarded by the activation's state
(only an unknown outcome is retried or confirmed), so a repeat or a late order changes nothing."""

from __future__ import annotations

import logging

from contracts.events import ActivationConfirmedByHand, ActivationRetryOrdered, ProviderCheckOrdered
from provider_gateway.domain.states import ActivationState
from provider_gateway.gateway import Activations

log = logging.getLogger(__name__)


async def check_now(activations: Activations, order: ProviderCheckOrdered) -> None:
    asked = await activations.unknown_checks.check_now(order.payment_id)
    log.info(
        "check of %s ordered by %s: %s",
        order.payment_id,
        order.ordered_by,
        "asked" if asked else "nothing unknown to ask about",
    )


async def retry_activation(activations: Activations, order: ActivationRetryOrdered) -> None:
    """Back in progress with a fresh deadline; the run asks `status` first and pays only if the
    provider never saw it, under the payment id as transaction id: at most one payment."""
    repository, clock = activations.repository, activations.gateway.clock
    deadline = activations.gateway.settings.retry_policy.deadline
    found = await repository.get(order.payment_id)
    if found is None or found.state is not ActivationState.UNKNOWN:
        log.info("retry of %s ordered but its activation is not unknown", order.payment_id)
        return
    await activations.unknown_checks.ask_status(found)  # closes the breaker if it answers
    async with repository.lock(order.payment_id):
        current = await repository.get(order.payment_id)
        if current is None or current.state is not ActivationState.UNKNOWN:
            return
        retried = current.retry(clock.now() + deadline)
        if not await repository.save(current, retried):
            return  # a check found the outcome meanwhile
    activations.runner.start(retried.resumed_job())


async def confirm_by_hand(activations: Activations, order: ActivationConfirmedByHand) -> None:
    repository, clock = activations.repository, activations.gateway.clock
    who = f"{order.approved_by or order.ordered_by}: {order.note}"
    async with repository.lock(order.payment_id):
        current = await repository.get(order.payment_id)
        if current is None or current.state is not ActivationState.UNKNOWN:
            log.info(
                "confirmation of %s ordered but its activation is not unknown", order.payment_id
            )
            return
        confirmed = current.confirm_by_hand(order.provider_reference, who, clock.now())
        await repository.save(current, confirmed)

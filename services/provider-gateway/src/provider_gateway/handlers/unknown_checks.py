"""Activations whose outcome was unknown at the deadline, asked about again on a schedule until
the provider says completed or definitely not paid; after the last check a person decides.

The next check's time is in the activation's document, so a restart loses nothing: the sweep of
any replica picks the due ones. Claiming a check moves that time forward by a lease in one
guarded write, so two replicas never both ask; the outcome write is guarded by the state anyway.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from provider_gateway.adapters.activation_repository import ActivationRepository
from provider_gateway.domain.activation import Activation
from provider_gateway.domain.calls import Answer, Call
from provider_gateway.domain.catalog import Catalog
from provider_gateway.domain.schedule import CheckSchedule
from provider_gateway.domain.states import ActivationState
from provider_gateway.handlers.asking import Reply, ask, never_received
from provider_gateway.handlers.clock import Clock
from provider_gateway.handlers.providers import Providers

log = logging.getLogger(__name__)

CHECK_LEASE = timedelta(minutes=2)  # longer than one status query can take (timeouts ≤ 60 s)


class UnknownOutcomeChecks:
    def __init__(
        self,
        catalog: Catalog,
        providers: Providers,
        repository: ActivationRepository,
        schedule: CheckSchedule,
        clock: Clock,
    ) -> None:
        self._catalog = catalog
        self._providers = providers
        self._repository = repository
        self._schedule = schedule
        self._clock = clock

    async def check_due(self) -> int:
        """Asks about every due activation this replica manages to claim; how many it asked."""
        asked = 0
        for activation in await self._repository.due_checks(self._clock.now()):
            lease_until = self._clock.now() + CHECK_LEASE
            if await self._repository.claim_check(activation, lease_until):
                await self._check(activation)
                asked += 1
        return asked

    async def check_now(self, payment_id: str) -> bool:
        """A specialist asked: the provider is asked at once, schedule or not (even after the
        last check); False when the outcome is not unknown or another replica is asking."""
        activation = await self._repository.get(payment_id)
        if activation is None or activation.state is not ActivationState.UNKNOWN:
            return False
        if not await self._repository.claim_check(activation, self._clock.now() + CHECK_LEASE):
            return False
        await self._check(activation)
        return True

    async def _check(self, claimed: Activation) -> None:
        reply = await self.ask_status(claimed)
        async with self._repository.lock(claimed.payment_id):
            current = await self._repository.get(claimed.payment_id)
            if current is None or current.state is not ActivationState.UNKNOWN:
                return
            await self._repository.save(current, self._after(current, reply, self._clock.now()))

    async def ask_status(self, activation: Activation) -> Reply:
        """Asks even when the breaker is open: checks are few and far apart, and what they hear
        tells the breaker (a provider that answers again closes it; a person's retry asks so
        first, and is not kept waiting by a breaker the provider's silence opened)."""
        service = self._catalog.service(activation.service_id)
        if service is None:  # nobody to ask: the schedule runs out and a person decides
            return Reply(Answer.UNAVAILABLE, "the service is no longer in the catalog")
        reply = await ask(self._providers, service, activation.resumed_job(), Call.STATUS)
        breaker = self._providers.breaker_for(service)
        if reply.answer is Answer.UNAVAILABLE:
            breaker.record_failure(self._clock.now())
        else:
            breaker.record_success()
        return reply

    def _after(self, current: Activation, reply: Reply, now: datetime) -> Activation:
        if reply.result is not None:
            log.info("unknown activation of %s ended %s", current.payment_id, reply.result.state)
            return current.finish(reply.result, now)
        if reply.answer is Answer.NOT_FOUND:
            log.info("unknown activation of %s was never received: failed", current.payment_id)
            return current.finish(never_received(current.resumed_job()), now)
        next_check_at = self._schedule.next_check_at(current.checks + 1, now)
        if next_check_at is None:
            log.warning(
                "activation of %s still unknown after %d checks (%s); it waits for a person",
                current.payment_id,
                current.checks + 1,
                reply.description,
            )
        return current.checked_again(reply.answer, reply.description, next_check_at, now)

"""One step for one payment: change its facts, decide, tell the world, then remember.

Events are sent (and acknowledged by the broker) before the facts recording them are stored: a
crash in between repeats an event with the same id, which consumers drop, and never loses one.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any, Protocol

from contracts.envelope import Envelope, UnknownEventError
from contracts.events import MismatchCleared, MismatchDetected
from reconciler.alerts import mismatch_cleared, mismatch_detected
from reconciler.config import Settings
from reconciler.domain.decisions import next_check_at, reconcile, with_alerts
from reconciler.domain.facts import PaymentFacts, apply
from reconciler.domain.kinds import STREAM_KINDS
from reconciler.metrics import EVENTS_READ, MISMATCHES_CLEARED, MISMATCHES_DETECTED
from reconciler.progress import StreamProgress
from servicekit.locks import AggregateLocks

log = logging.getLogger(__name__)

Publish = Callable[[Envelope], Awaitable[None]]
Change = Callable[[PaymentFacts | None], PaymentFacts | None]


class FactsStore(Protocol):
    """Payment id → facts as JSON. A write returns once it would survive a crash (see
    `facts_table`): the step's event is committed only after it."""

    def get(self, payment_id: str) -> dict[str, Any] | None: ...

    async def put(self, partition: int, payment_id: str, facts: dict[str, Any]) -> None: ...

    async def forget(self, partition: int, payment_id: str) -> None: ...


class Reconciler:
    """Only agents call this, never a timer."""

    def __init__(
        self,
        table: FactsStore,
        publish: Publish,
        progress: StreamProgress,
        settings: Settings,
        clock: Callable[[], datetime],
    ) -> None:
        self._table = table
        self._publish = publish
        self._progress = progress
        self._settings = settings
        self._clock = clock
        # Three agents (payments, activations, checks) may step the same payment at once.
        self._locks = AggregateLocks()

    async def on_event(self, partition: int, envelope: Envelope) -> None:
        try:
            event = envelope.event()
        except UnknownEventError as error:
            EVENTS_READ.labels(envelope.type, "unknown").inc()
            log.warning("skipping event %s: %s", envelope.id, error)
            return
        if isinstance(event, MismatchDetected | MismatchCleared) and event.kind not in STREAM_KINDS:
            EVENTS_READ.labels(envelope.type, "not-ours").inc()  # the settlement job's kinds
            return
        EVENTS_READ.labels(envelope.type, "applied").inc()
        payment_id = envelope.subject

        def change(facts: PaymentFacts | None) -> PaymentFacts:
            return apply(facts or PaymentFacts(payment_id=payment_id), envelope, event)

        await self._step(payment_id, partition, change)

    async def on_check(self, partition: int, payment_id: str) -> None:
        await self._step(payment_id, partition, lambda facts: facts)

    def facts(self, payment_id: str) -> PaymentFacts | None:
        stored = self._table.get(payment_id)
        return None if stored is None else PaymentFacts.model_validate(stored)

    async def _step(self, payment_id: str, partition: int, change: Change) -> None:
        async with self._locks.hold(payment_id):
            before = self.facts(payment_id)
            facts = change(before)
            if facts is None:
                return
            now = self._clock()
            settings = self._settings
            decision = reconcile(
                facts,
                now=now,
                seen_through=self._progress.seen_through(partition, now),
                deadlines=settings.deadlines,
                forget_after=settings.forget_after,
            )
            for kind in decision.detect:
                await self._publish(mismatch_detected(facts, kind, settings.deadlines, now))
                MISMATCHES_DETECTED.labels(kind.value).inc()
                log.warning("mismatch %s detected for %s", kind.value, payment_id)
            for kind, by in decision.clear:
                await self._publish(mismatch_cleared(payment_id, kind, by, now, facts))
                MISMATCHES_CLEARED.labels(kind.value).inc()
                log.warning("mismatch %s for %s cleared by %s", kind.value, payment_id, by)
            if decision.forget:
                await self._table.forget(partition, payment_id)
                return
            facts = with_alerts(facts, decision, now)
            facts = facts.model_copy(
                update={
                    "next_check_at": next_check_at(facts, settings.deadlines, settings.forget_after)
                }
            )
            if facts != before:
                await self._table.put(partition, payment_id, facts.model_dump(mode="json"))

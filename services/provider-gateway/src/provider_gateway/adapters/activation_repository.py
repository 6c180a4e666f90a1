"""Activations in MongoDB: one document each (`_id` = payment id), its outbox inside it, each write
guarded by the state the change started from.

Inserting the document is the idempotency guard (unique inserts are atomic even on FerretDB): a
second card-debited for the same payment finds it and pays nothing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import datetime
from typing import Protocol

from pymongo.errors import DuplicateKeyError

from contracts.envelope import Envelope
from provider_gateway.adapters.activation_documents import from_document, to_document
from provider_gateway.domain.activation import Activation
from provider_gateway.domain.states import ActivationState
from provider_gateway.metrics import ACTIVATION_OUTCOMES
from servicekit.store import AggregateStore

DUE_CHECKS_PER_SWEEP = 100  # the rest wait for the next sweep
# What an activation ends in, or becomes at the deadline: counted once, by the writer that won.
OUTCOMES = (ActivationState.ACTIVATED, ActivationState.FAILED, ActivationState.UNKNOWN)


class ActivationRepository(Protocol):
    def lock(self, payment_id: str) -> AbstractAsyncContextManager[None]:
        """Hold while reading an activation to change it, and while saving the change (saves
        work in this process; `save`'s guard is what holds against the other replica)."""
        ...

    async def add(self, activation: Activation) -> bool:
        """Stores a new activation with its events; False when the payment already has one."""
        ...

    async def get(self, payment_id: str) -> Activation | None: ...

    async def in_state(self, state: ActivationState) -> list[Activation]: ...

    async def due_checks(self, now: datetime) -> list[Activation]:
        """Unknown activations whose next check is due, the longest waiting first."""
        ...

    async def claim_check(self, activation: Activation, lease_until: datetime) -> bool:
        """Takes its due check: moves the next check to `lease_until` if nobody moved it since
        `activation` was read (so one replica asks, and a crash only delays the check)."""
        ...

    async def save(self, before: Activation, after: Activation) -> bool:
        """Writes `after` if the stored activation is still in `before`'s state; its events go
        with it. False when another writer moved it first."""
        ...


class MongoActivationRepository:
    def __init__(
        self,
        store: AggregateStore,
        clock: Callable[[], datetime],
        new_event_id: Callable[[], str],
    ) -> None:
        self._store = store
        self._clock = clock
        self._new_event_id = new_event_id

    @asynccontextmanager
    async def lock(self, payment_id: str) -> AsyncIterator[None]:
        async with self._store.writing(payment_id):
            yield

    async def add(self, activation: Activation) -> bool:
        try:
            await self._store.insert(to_document(activation), self._envelopes(activation))
        except DuplicateKeyError:
            return False
        return True

    async def get(self, payment_id: str) -> Activation | None:
        document = await self._store.collection.find_one({"_id": payment_id}, {"outbox": 0})
        return from_document(document) if document else None

    async def in_state(self, state: ActivationState) -> list[Activation]:
        cursor = self._store.collection.find({"state": state.value}, {"outbox": 0})
        return [from_document(document) async for document in cursor]

    async def due_checks(self, now: datetime) -> list[Activation]:
        query = {"state": ActivationState.UNKNOWN.value, "next_check_at": {"$lte": now}}
        cursor = self._store.collection.find(query, {"outbox": 0})
        cursor = cursor.sort("next_check_at", 1).limit(DUE_CHECKS_PER_SWEEP)
        return [from_document(document) async for document in cursor]

    async def claim_check(self, activation: Activation, lease_until: datetime) -> bool:
        return await self._store.update(
            activation.payment_id,
            {"state": ActivationState.UNKNOWN.value, "next_check_at": activation.next_check_at},
            {"$set": {"next_check_at": lease_until}},
            [],
        )

    async def save(self, before: Activation, after: Activation) -> bool:
        fields = to_document(after)
        del fields["_id"]
        written = await self._store.update(
            before.payment_id,
            {"state": before.state.value},
            {"$set": fields},
            self._envelopes(after),
        )
        if written and after.state is not before.state and after.state in OUTCOMES:
            ACTIVATION_OUTCOMES.labels(service=after.service_id, outcome=after.state.value).inc()
        return written

    def _envelopes(self, activation: Activation) -> list[Envelope]:
        """Its events under fresh ids, carrying the correlation id of the card-debited event
        (an activation resumed by another run has no request context to take it from)."""
        return [
            Envelope.wrap(
                event,
                event_id=self._new_event_id(),
                source=self._store.source,
                time=self._clock(),
                correlation_id=activation.correlation_id,
            )
            for event in activation.pending_events
        ]

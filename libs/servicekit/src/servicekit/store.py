"""Writes to aggregate documents: one writer per aggregate, the events stored by the same write."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from pymongo.asynchronous.collection import AsyncCollection

from contracts.envelope import Envelope
from contracts.events import EventData
from contracts.ids import new_id
from servicekit.locks import AggregateLocks
from servicekit.logs import correlation_id
from servicekit.mongo import Document
from servicekit.outbox import OutboxRelay, lock_key, new_document_events, with_events


class AggregateStore:
    """A collection of aggregates whose changes publish events through the outbox."""

    def __init__(
        self,
        collection: AsyncCollection[Document],
        locks: AggregateLocks,
        relay: OutboxRelay,
        source: str,
    ) -> None:
        self.collection = collection
        self._locks = locks
        self._relay = relay
        self._source = source

    def envelopes(self, events: Sequence[EventData], at: datetime) -> list[Envelope]:
        """The aggregate's new events wrapped for the outbox: fresh ids, this service as their
        source, and the correlation id of the request or event being handled."""
        return [
            Envelope.wrap(
                event,
                event_id=new_id("evt"),
                source=self._source,
                time=at,
                correlation_id=correlation_id.get(),
            )
            for event in events
        ]

    @asynccontextmanager
    async def writing(self, aggregate_id: Any) -> AsyncIterator[None]:
        """Hold this while reading an aggregate to decide a change, and while writing it."""
        async with self._locks.hold(lock_key(self.collection, aggregate_id)):
            yield

    async def insert(self, document: Document, events: Sequence[Envelope]) -> None:
        """Stores a new aggregate with its first events; DuplicateKeyError if the id exists."""
        await self.collection.insert_one({**document, **new_document_events(events)})
        if events:
            self._relay.notify(self.collection, document["_id"], events)

    async def update(
        self, aggregate_id: Any, guard: Document, update: Document, events: Sequence[Envelope]
    ) -> bool:
        """Applies `update` if the aggregate still matches `guard`; call it inside `writing`."""
        result = await self.collection.update_one(
            {"_id": aggregate_id, **guard}, with_events(update, events)
        )
        if result.matched_count and events:
            self._relay.notify(self.collection, aggregate_id, events)
        return bool(result.matched_count)

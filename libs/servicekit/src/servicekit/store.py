"""Writes to aggregate documents: each change guarded (compare-and-swap), its events in the same write.

The guard on each write is what keeps a change correct with several processes; the in-process
lock (`writing`) only saves work inside one of them. A write whose guard lost returns False, and
its caller reads again and decides again (`servicekit.retry.until_written`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from pymongo.asynchronous.collection import AsyncCollection

from contracts.envelope import Envelope
from contracts.events import EventData
from contracts.ids import new_id
from servicekit.locks import AggregateLocks
from servicekit.logs import correlation_id
from servicekit.mongo import Document
from servicekit.outbox import OutboxRelay
from servicekit.outbox_documents import TRACE, lock_key, new_document_events, with_events
from servicekit.tracing import Carrier, current_carrier, event_traces, tracer


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
        self.source = source  # the CloudEvents `source` of its events: /services/<name>

    def envelopes(self, events: Sequence[EventData], at: datetime) -> list[Envelope]:
        """The aggregate's new events wrapped for the outbox: fresh ids, this service as their
        source, and the correlation id of the request or event being handled."""
        return [
            Envelope.wrap(
                event,
                event_id=new_id("evt"),
                source=self.source,
                time=at,
                correlation_id=correlation_id.get(),
            )
            for event in events
        ]

    @asynccontextmanager
    async def writing(self, aggregate_id: Any) -> AsyncIterator[None]:
        """Hold this while reading an aggregate to decide a change, and while writing it: another
        writer in this process then never makes the guard lose. Another process still can."""
        async with self._locks.hold(lock_key(self.collection, aggregate_id)):
            yield

    async def insert(self, document: Document, events: Sequence[Envelope]) -> None:
        """Stores a new aggregate with its first events; DuplicateKeyError if the id exists.
        When tracing, the aggregate keeps the trace it began in, for its later events."""
        began = current_carrier()
        traces = event_traces(events)
        fields = {
            **document,
            **new_document_events(events, traces.carriers),
            **({TRACE: began} if began else {}),
        }
        await self.collection.insert_one(fields)
        traces.written()
        if events:
            self._relay.notify(self.collection, document["_id"], events, traces.carriers)

    async def update(
        self, aggregate_id: Any, guard: Document, update: Document, events: Sequence[Envelope]
    ) -> bool:
        """Applies `update` if the aggregate still matches `guard` when written; False when another
        writer changed it first, and then the caller must read again and decide again."""
        traces = event_traces(events, await self._began_in(aggregate_id) if events else None)
        result = await self.collection.update_one(
            {"_id": aggregate_id, **guard}, with_events(update, events, traces.carriers)
        )
        if result.matched_count and events:
            traces.written()
            self._relay.notify(self.collection, aggregate_id, events, traces.carriers)
        return bool(result.matched_count)

    async def _began_in(self, aggregate_id: Any) -> Carrier | None:
        """The trace the aggregate began in (one small read, only while tracing)."""
        if tracer() is None:
            return None
        found = await self.collection.find_one({"_id": aggregate_id}, {TRACE: 1})
        return dict(found[TRACE]) if found and found.get(TRACE) else None

    async def claim(
        self, aggregate_id: Any, guard: Document, name: str, lease: timedelta
    ) -> datetime | None:
        """Takes the aggregate's `name` job (an e-mail to send, a job to run) for `lease`, if it
        still matches `guard` and nobody holds the job: one process does it, and after a crash
        another takes it when the lease ran out. Returns the claim's time, for `release`."""
        now = _to_milliseconds(datetime.now(UTC))  # what the database keeps, so release matches
        field = _claim_field(name)
        result = await self.collection.update_one(
            {"_id": aggregate_id, **guard, "$or": [{field: None}, {field: {"$lt": now - lease}}]},
            {"$set": {field: now}},
        )
        return now if result.matched_count else None

    async def release(self, aggregate_id: Any, name: str, claimed_at: datetime) -> None:
        """Gives the job back before its lease ends (it failed; the next try need not wait)."""
        field = _claim_field(name)
        await self.collection.update_one(
            {"_id": aggregate_id, field: claimed_at}, {"$set": {field: None}}
        )


def _claim_field(name: str) -> str:
    return f"claims_{name}_at"


def _to_milliseconds(moment: datetime) -> datetime:
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)

"""The idempotent consumer loop: each event handled once per service, offsets committed after.

Kafka delivers at least once; the inbox (a collection whose `_id` is the event id) turns that into
"effect once". A batch costs two inbox round trips, however many events it holds: one look-up of
all their ids before, one insert of the handled ones after. An event that keeps failing is parked
in `dead_letters` with its error, never lost.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from functools import partial

from aiokafka import AIOKafkaConsumer
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import BulkWriteError

from contracts.envelope import Envelope, KafkaHeaders, UnknownEventError, from_kafka
from servicekit.consumer_io import (
    Incoming,
    commit_batch,
    incoming,
    observe_lag,
    park,
    start_with_retry,
    waiting_out_outages,
)
from servicekit.logs import correlation_id
from servicekit.metrics import EVENTS_CONSUMED
from servicekit.mongo import DUPLICATE_KEY, Document, is_unavailable
from servicekit.tracing import consuming

log = logging.getLogger(__name__)

Handler = Callable[[Envelope], Awaitable[None]]
EventCheck = Callable[[Envelope], bool]
ATTEMPTS_BEFORE_PARKING = 5
LAG_EVERY_SECONDS = 1.0  # how often the consumer lag gauge is brought up to date


class IdempotentConsumer:
    """Reads topics as one consumer group and hands each new event to `handle`, exactly once."""

    def __init__(
        self,
        *,
        bootstrap: str,
        group_id: str,
        topics: Sequence[str],
        database: AsyncDatabase[Document],
        handle: Handler,
        handled_types: frozenset[str] | None = None,
        handles_event: EventCheck | None = None,
    ) -> None:
        self._bootstrap = bootstrap
        self._group_id = group_id
        self._topics = list(topics)
        self._inbox = database["inbox"]
        self._park = partial(park, database["dead_letters"])  # (envelope, topic, error, raw)
        self._handle = handle
        self._handled_types = handled_types
        self._handles_event = handles_event

    async def run(self) -> None:
        consumer = AIOKafkaConsumer(
            *self._topics,
            bootstrap_servers=self._bootstrap,
            group_id=self._group_id,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            isolation_level="read_committed",
        )
        try:
            await start_with_retry(consumer)  # inside: a stop while starting still closes it
            lag_seen_at = 0.0
            while True:
                batches = await consumer.getmany(timeout_ms=500, max_records=200)
                if (now := time.monotonic()) >= lag_seen_at + LAG_EVERY_SECONDS:
                    lag_seen_at = now
                    await observe_lag(consumer, self._group_id)
                if batches:
                    await self.process_batch(
                        [incoming(record) for records in batches.values() for record in records]
                    )
                    await commit_batch(
                        consumer, batches
                    )  # only once their inbox records are written
        finally:
            await consumer.stop()

    async def process(
        self, headers: Sequence[tuple[str, bytes]], value: bytes | None, topic: str
    ) -> None:
        """Handles one event (a batch of one), waiting out a database outage however long."""
        await self.process_batch([Incoming(topic, None, headers, value)])

    async def process_batch(self, batch: Sequence[Incoming]) -> None:
        """Skips what the inbox has seen, handles the rest (one key's events in order, different
        keys side by side), then records them in the inbox, all after their effects."""
        events = [(item, envelope) for item in batch if (envelope := await self._ours(item))]
        seen = await waiting_out_outages(lambda: self._seen([e.id for _, e in events]))
        by_key: dict[tuple[str, bytes | None], list[tuple[Envelope, KafkaHeaders]]] = {}
        for item, envelope in events:
            if envelope.id in seen:
                EVENTS_CONSUMED.labels(type=envelope.type, outcome="duplicate").inc()
                continue
            seen.add(envelope.id)  # a second copy in this batch is a duplicate too
            by_key.setdefault((item.topic, item.key), []).append((envelope, list(item.headers)))
        done: list[Envelope] = []

        async def in_order(topic: str, same_key: list[tuple[Envelope, KafkaHeaders]]) -> None:
            for envelope, headers in same_key:
                await waiting_out_outages(partial(self._handle_once, envelope, topic, headers))
                done.append(envelope)

        results = await asyncio.gather(
            *(in_order(topic, same_key) for (topic, _), same_key in by_key.items()),
            return_exceptions=True,
        )
        if done:
            await waiting_out_outages(lambda: self._remember(done))
        for result in results:
            if isinstance(result, BaseException):
                raise result  # what was handled is remembered; the rest comes again

    async def _ours(self, item: Incoming) -> Envelope | None:
        """The event, if this service handles it and can read it; junk and versions it cannot read
        are parked at once with the reason (retrying cannot help), others' events skipped."""
        try:
            envelope = from_kafka(list(item.headers), item.value or b"")
        except UnknownEventError as error:
            EVENTS_CONSUMED.labels(type="unknown", outcome="parked").inc()
            park = partial(self._park, None, item.topic, str(error), item.value)
            await waiting_out_outages(park)
            return None
        if (self._handled_types is not None and envelope.type not in self._handled_types) or (
            self._handles_event is not None and not self._handles_event(envelope)
        ):
            EVENTS_CONSUMED.labels(type=envelope.type, outcome="not_ours").inc()
            return None  # another service's business: no inbox entry, no database work
        try:
            envelope.event()  # a version we cannot read, or a shape we do not know, stays so
        except UnknownEventError as error:
            EVENTS_CONSUMED.labels(type=envelope.type, outcome="parked").inc()
            await waiting_out_outages(partial(self._park, envelope, item.topic, str(error), None))
            return None
        return envelope

    async def _seen(self, event_ids: list[str]) -> set[str]:
        if not event_ids:
            return set()
        cursor = self._inbox.find({"_id": {"$in": event_ids}}, {"_id": 1})
        return {document["_id"] async for document in cursor}

    async def _handle_once(self, envelope: Envelope, topic: str, headers: KafkaHeaders) -> None:
        token = correlation_id.set(envelope.correlationid or envelope.id)
        try:
            with consuming(envelope, topic, headers):  # a child of the span that wrote it
                handled = await self._handle_with_retries(envelope, topic)
            if handled:
                EVENTS_CONSUMED.labels(type=envelope.type, outcome="handled").inc()
        finally:
            correlation_id.reset(token)

    async def _handle_with_retries(self, envelope: Envelope, topic: str) -> bool:
        for attempt in range(1, ATTEMPTS_BEFORE_PARKING + 1):
            try:
                await self._handle(envelope)
                return True
            except Exception as error:
                if is_unavailable(error):
                    raise  # not this event's fault: the caller waits for the database
                if attempt == ATTEMPTS_BEFORE_PARKING:
                    log.exception("event %s failed %d times; parked", envelope.id, attempt)
                    EVENTS_CONSUMED.labels(type=envelope.type, outcome="parked").inc()
                    await self._park(envelope, topic, repr(error), None)
                    return False
                log.warning("event %s failed (attempt %d), retrying", envelope.id, attempt)
                await asyncio.sleep(0.2 * 2**attempt)
        return False

    async def _remember(self, envelopes: list[Envelope]) -> None:
        """One insert for the batch; ids already there were handled by another consumer (after a
        rebalance) meanwhile, or by us before an outage cut this insert short."""
        now = datetime.now(UTC)
        records = [{"_id": e.id, "type": e.type, "handled_at": now} for e in envelopes]
        try:
            await self._inbox.insert_many(records, ordered=False)
        except BulkWriteError as error:
            errors = error.details.get("writeErrors", [])
            others = [e for e in errors if e.get("code") != DUPLICATE_KEY]
            if others:
                raise
            log.info("%d of %d events were handled concurrently", len(errors), len(records))

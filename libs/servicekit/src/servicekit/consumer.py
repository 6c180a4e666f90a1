"""The idempotent consumer loop: each event handled once per service, offsets committed after.

Kafka delivers at least once; the inbox (a collection whose `_id` is the event id) turns that into
"effect once". An event that keeps failing is parked in `dead_letters` with its error, never lost.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from aiokafka.errors import KafkaError
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

from contracts.envelope import Envelope, UnknownEventError, from_kafka
from servicekit.logs import correlation_id
from servicekit.metrics import EVENTS_CONSUMED
from servicekit.mongo import Document, is_unavailable

log = logging.getLogger(__name__)

Handler = Callable[[Envelope], Awaitable[None]]
ATTEMPTS_BEFORE_PARKING = 5
MAX_OUTAGE_WAIT_SECONDS = 5.0


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
    ) -> None:
        self._bootstrap = bootstrap
        self._group_id = group_id
        self._topics = list(topics)
        self._inbox = database["inbox"]
        self._dead_letters = database["dead_letters"]
        self._handle = handle
        self._handled_types = handled_types

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
            await _start_with_retry(consumer)  # inside: a stop while starting still closes it
            while True:
                batches = await consumer.getmany(timeout_ms=500, max_records=200)
                if batches:
                    await asyncio.gather(
                        *(self._process_in_key_order(records) for records in batches.values())
                    )
                    await _commit(consumer, batches)
        finally:
            await consumer.stop()

    async def _process_in_key_order(self, records: list[ConsumerRecord[bytes, bytes]]) -> None:
        """Events of one key (one payment) in order; different keys side by side, because each
        event waits on the database and a queue of them would add those waits up."""
        by_key: dict[bytes | None, list[ConsumerRecord[bytes, bytes]]] = {}
        for record in records:
            by_key.setdefault(record.key, []).append(record)

        async def in_order(same_key: list[ConsumerRecord[bytes, bytes]]) -> None:
            for record in same_key:
                await self.process(record.headers, record.value, record.topic)

        await asyncio.gather(*(in_order(same_key) for same_key in by_key.values()))

    async def process(
        self, headers: Sequence[tuple[str, bytes]], value: bytes | None, topic: str
    ) -> None:
        """Handles one event; while the database is unreachable it waits, however long that is:
        an outage is nobody's mistake, so it never counts towards parking the event."""
        delay = 0.1
        while True:
            try:
                return await self._process_once(headers, value, topic)
            except Exception as error:
                if not is_unavailable(error):
                    raise
                log.warning("database unavailable; the event waits %.1fs: %s", delay, error)
                await asyncio.sleep(delay)
                delay = min(delay * 2, MAX_OUTAGE_WAIT_SECONDS)

    async def _process_once(
        self, headers: Sequence[tuple[str, bytes]], value: bytes | None, topic: str
    ) -> None:
        """Decodes, skips what the inbox has seen, handles with retries, then records it."""
        try:
            envelope = from_kafka(list(headers), value or b"")
        except UnknownEventError as error:
            EVENTS_CONSUMED.labels(type="unknown", outcome="parked").inc()
            await self._park(None, topic, str(error), value)
            return
        if self._handled_types is not None and envelope.type not in self._handled_types:
            EVENTS_CONSUMED.labels(type=envelope.type, outcome="not_ours").inc()
            return  # another service's business: no inbox entry, no database work
        if await self._inbox.find_one({"_id": envelope.id}, {"_id": 1}) is not None:
            EVENTS_CONSUMED.labels(type=envelope.type, outcome="duplicate").inc()
            return
        token = correlation_id.set(envelope.correlationid or envelope.id)
        try:
            if await self._handle_with_retries(envelope, topic):
                EVENTS_CONSUMED.labels(type=envelope.type, outcome="handled").inc()
            await self._remember(envelope)
        finally:
            correlation_id.reset(token)

    async def _handle_with_retries(self, envelope: Envelope, topic: str) -> bool:
        for attempt in range(1, ATTEMPTS_BEFORE_PARKING + 1):
            try:
                await self._handle(envelope)
                return True
            except Exception as error:
                if is_unavailable(error):
                    raise  # not this event's fault: `process` waits for the database
                if attempt == ATTEMPTS_BEFORE_PARKING:
                    log.exception("event %s failed %d times; parked", envelope.id, attempt)
                    EVENTS_CONSUMED.labels(type=envelope.type, outcome="parked").inc()
                    await self._park(envelope, topic, repr(error), None)
                    return False
                log.warning("event %s failed (attempt %d), retrying", envelope.id, attempt)
                await asyncio.sleep(0.2 * 2**attempt)
        return False

    async def _remember(self, envelope: Envelope) -> None:
        try:
            await self._inbox.insert_one(
                {"_id": envelope.id, "type": envelope.type, "handled_at": datetime.now(UTC)}
            )
        except DuplicateKeyError:
            log.info("event %s was handled concurrently", envelope.id)

    async def _park(
        self, envelope: Envelope | None, topic: str, error: str, raw: bytes | None
    ) -> None:
        await self._dead_letters.insert_one(
            {
                "topic": topic,
                "envelope": envelope.model_dump(mode="json") if envelope else None,
                "raw": raw,
                "error": error[:2000],
                "parked_at": datetime.now(UTC),
            }
        )


async def _start_with_retry(consumer: AIOKafkaConsumer) -> None:
    delay = 0.5
    while True:
        try:
            await consumer.start()
            return
        except KafkaError:
            log.warning("Kafka not reachable yet; retrying in %.1fs", delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5.0)


async def _commit(
    consumer: AIOKafkaConsumer,
    batches: dict[TopicPartition, list[ConsumerRecord[bytes, bytes]]],
) -> None:
    """All partitions of the batch in one request (one round trip, not one per partition)."""
    offsets = {partition: records[-1].offset + 1 for partition, records in batches.items()}
    try:
        await consumer.commit(offsets)
    except KafkaError:
        # The records will come again; the inbox makes that harmless.
        log.warning("offset commit failed for %s", sorted(map(str, offsets)), exc_info=True)

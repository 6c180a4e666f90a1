"""What the consumer loop does around its handling: Kafka records as it needs them, starting
and committing against a broker that may be away, waiting out a database outage, parking what
cannot be handled, and the lag it reports."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from aiokafka.errors import KafkaError
from pymongo.asynchronous.collection import AsyncCollection

from contracts.envelope import Envelope
from servicekit.metrics import CONSUMER_LAG, DEAD_LETTERS
from servicekit.mongo import Document, is_unavailable

log = logging.getLogger(__name__)

T = TypeVar("T")
MAX_OUTAGE_WAIT_SECONDS = 5.0


@dataclass(frozen=True)
class Incoming:
    """One record as the consumer needs it; `key` orders it (one payment's events in order)."""

    topic: str
    key: bytes | None
    headers: Sequence[tuple[str, bytes]]
    value: bytes | None


async def waiting_out_outages(step: Callable[[], Awaitable[T]]) -> T:
    """Runs `step` until the database answers: an outage is nobody's mistake, so it never counts
    towards parking an event."""
    delay = 0.1
    while True:
        try:
            return await step()
        except Exception as error:
            if not is_unavailable(error):
                raise
            log.warning("database unavailable; the events wait %.1fs: %s", delay, error)
            await asyncio.sleep(delay)
            delay = min(delay * 2, MAX_OUTAGE_WAIT_SECONDS)


def incoming(record: ConsumerRecord[bytes, bytes]) -> Incoming:
    return Incoming(record.topic, record.key, record.headers, record.value)


async def start_with_retry(consumer: AIOKafkaConsumer) -> None:
    delay = 0.5
    while True:
        try:
            await consumer.start()
            return
        except KafkaError:
            log.warning("Kafka not reachable yet; retrying in %.1fs", delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5.0)


async def commit_batch(
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


async def observe_lag(consumer: AIOKafkaConsumer, group: str) -> None:
    """Each assigned partition's lag: the broker's end offset less the next offset we read."""
    for partition in consumer.assignment():
        end = consumer.highwater(partition)  # known once a fetch has come back for it
        if end is None:
            continue
        behind = max(end - await consumer.position(partition), 0)
        labels = {"group": group, "topic": partition.topic, "partition": str(partition.partition)}
        CONSUMER_LAG.labels(**labels).set(behind)


async def park(
    dead_letters: AsyncCollection[Document],
    envelope: Envelope | None,
    topic: str,
    error: str,
    raw: bytes | None,
) -> None:
    """Keeps an event no handler could take, with its error, for `payportal dead-letters`."""
    DEAD_LETTERS.labels(topic=topic, type=envelope.type if envelope else "unreadable").inc()
    await dead_letters.insert_one(
        {
            "topic": topic,
            "envelope": envelope.model_dump(mode="json") if envelope else None,
            "raw": raw,
            "error": error[:2000],
            "parked_at": datetime.now(UTC),
        }
    )

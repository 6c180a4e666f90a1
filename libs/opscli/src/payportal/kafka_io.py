"""Reading the broker: a group-less reader over chosen topics from a chosen position, each
record's CloudEvents headers decoded."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, TopicPartition

from contracts.envelope import Envelope, KafkaHeaders, UnknownEventError, from_kafka
from payportal.endpoints import Endpoints
from payportal.failures import OpsError
from payportal.kafka_clients import millis, start_client
from payportal.selection import FromBeginning, FromEnd, FromOffset, FromTime, Start


@dataclass(frozen=True)
class Record:
    topic: str
    partition: int
    offset: int
    envelope: Envelope | None  # None: not a CloudEvent of ours
    problem: str = ""


@asynccontextmanager
async def reader(endpoints: Endpoints) -> AsyncIterator[AIOKafkaConsumer]:
    """A consumer without a group: it reads, and commits nothing anybody else could see."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=endpoints.kafka,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        request_timeout_ms=millis(endpoints.timeout) + 1000,
        client_id="payportal",
    )
    await start_client(consumer, endpoints)
    try:
        yield consumer
    finally:
        await consumer.stop()


async def partitions(
    consumer: AIOKafkaConsumer, topics: Sequence[str], endpoints: Endpoints
) -> list[TopicPartition]:
    """Every partition of the topics, from fresh metadata (a consumer without a subscription
    keeps none, so `partitions_for_topic` alone would know nothing)."""
    fetching = consumer._client.fetch_all_metadata()  # what consumer.topics() does, kept
    cluster = await asyncio.wait_for(fetching, endpoints.timeout)
    missing = [topic for topic in topics if topic not in cluster.topics()]
    if missing:
        raise OpsError(f"no topic {', '.join(missing)} on Kafka at {endpoints.kafka}")
    return [
        TopicPartition(topic, number)
        for topic in topics
        for number in sorted(cluster.partitions_for_topic(topic) or ())
    ]


async def position(
    consumer: AIOKafkaConsumer, assigned: list[TopicPartition], start: Start
) -> dict[TopicPartition, int]:
    """Puts the reader where it starts; returns each partition's end as it is now."""
    consumer.assign(assigned)
    ends: dict[TopicPartition, int] = await consumer.end_offsets(assigned)
    await _seek(consumer, assigned, start, ends)
    return ends


async def records(
    consumer: AIOKafkaConsumer,
    ends: dict[TopicPartition, int],
    *,
    follow: bool,
    patience: float = 5.0,
) -> AsyncIterator[Record]:
    """Records from where `position` put the reader; without `follow`, up to `ends` (or until
    nothing came for `patience` seconds, should a partition never reach its end)."""
    loop = asyncio.get_running_loop()
    last_progress = loop.time()
    while True:
        if not follow:
            positions = {tp: await consumer.position(tp) for tp in ends}
            done = all(positions[tp] >= end for tp, end in ends.items())
            if done or loop.time() - last_progress > patience:
                return
        batches = await consumer.getmany(timeout_ms=300, max_records=500)
        if batches:
            last_progress = loop.time()
        for tp, batch in batches.items():
            for record in batch:
                if follow or record.offset < ends[tp]:
                    yield _decoded(tp, record.offset, list(record.headers), record.value)


async def read_to_end(
    consumer: AIOKafkaConsumer, assigned: list[TopicPartition], start: Start
) -> AsyncIterator[Record]:
    ends = await position(consumer, assigned, start)
    async for record in records(consumer, ends, follow=False):
        yield record


async def _seek(
    consumer: AIOKafkaConsumer,
    assigned: list[TopicPartition],
    start: Start,
    ends: dict[TopicPartition, int],
) -> None:
    match start:
        case FromBeginning():
            await consumer.seek_to_beginning(*assigned)
        case FromEnd():
            for tp in assigned:
                consumer.seek(tp, ends[tp])
        case FromOffset(offset=offset):
            beginnings = await consumer.beginning_offsets(assigned)
            for tp in assigned:
                consumer.seek(tp, max(beginnings[tp], min(offset, ends[tp])))
        case FromTime(moment=moment):
            millis_since = int(moment.timestamp() * 1000)
            found = await consumer.offsets_for_times(dict.fromkeys(assigned, millis_since))
            for tp in assigned:
                at = found.get(tp)
                consumer.seek(tp, at.offset if at is not None else ends[tp])


def _decoded(tp: TopicPartition, offset: int, headers: KafkaHeaders, value: bytes | None) -> Record:
    try:
        return Record(tp.topic, tp.partition, offset, from_kafka(headers, value or b""))
    except UnknownEventError as error:
        return Record(tp.topic, tp.partition, offset, None, str(error).splitlines()[0][:200])

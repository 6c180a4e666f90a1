"""The broker alone: how many event-sized messages bare aiokafka moves per second with the
settings the services use (acks=all, idempotent), and how many events the pipeline wrote.

The pipeline's figure is read from the topics' end offsets before and after a load, so it counts
every event any service published, whoever it was for.
"""

from __future__ import annotations

import asyncio
import time
import uuid

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.structs import TopicPartition

from contracts.topics import PARTITIONS, Topic

EVENT_BYTES = 900  # a stored CloudEvents envelope of ours is 700-1100 bytes as JSON
MESSAGES = 20_000


async def bare_rates(bootstrap: str, messages: int = MESSAGES) -> dict[str, float]:
    """Produce then consume `messages` on a fresh topic with the services' partition count."""
    topic = f"bench-{uuid.uuid4().hex[:8]}"
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, PARTITIONS, replication_factor=1)])
        produced = await _produce(bootstrap, topic, messages)
        consumed = await _consume(bootstrap, topic, messages)
        await admin.delete_topics([topic])
    finally:
        await admin.close()
    return {"produce_per_second": produced, "consume_per_second": consumed}


async def _produce(bootstrap: str, topic: str, messages: int) -> float:
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, linger_ms=2
    )
    await producer.start()
    try:
        value = b"x" * EVENT_BYTES
        started = time.perf_counter()
        deliveries = [
            await producer.send(topic, value=value, key=f"pay_{n % 997}".encode())
            for n in range(messages)
        ]
        await asyncio.gather(*deliveries)
        return messages / (time.perf_counter() - started)
    finally:
        await producer.stop()


async def _consume(bootstrap: str, topic: str, messages: int) -> float:
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=f"{topic}-reader",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    try:
        seen = 0
        started = time.perf_counter()
        while seen < messages:
            batches = await consumer.getmany(timeout_ms=1_000, max_records=2_000)
            seen += sum(len(records) for records in batches.values())
            await consumer.commit()
        return messages / (time.perf_counter() - started)
    finally:
        await consumer.stop()


async def events_written(bootstrap: str) -> int:
    """Every event in the services' topics so far (their end offsets summed)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap)
    await consumer.start()
    try:
        partitions = [
            TopicPartition(topic.value, number) for topic in Topic for number in range(PARTITIONS)
        ]
        ends = await consumer.end_offsets(partitions)
        return sum(ends.values())
    finally:
        await consumer.stop()

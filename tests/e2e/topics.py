"""Reading what the services published: every record of some topics, from the start to the end."""

from __future__ import annotations

from aiokafka import AIOKafkaConsumer
from aiokafka.structs import ConsumerRecord, TopicPartition

from contracts.topics import PARTITIONS, Topic
from devstack.stack import Stack


async def every_record(
    system: Stack, topics: tuple[Topic, ...], key: str | None = None
) -> list[ConsumerRecord[bytes, bytes]]:
    """Every record on the topics (only those keyed by `key`, when given), as of now."""
    consumer = AIOKafkaConsumer(bootstrap_servers=system.kafka_bootstrap, group_id=None)
    await consumer.start()
    found: list[ConsumerRecord[bytes, bytes]] = []
    try:
        partitions = [TopicPartition(t.value, p) for t in topics for p in range(PARTITIONS)]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        while [tp for tp, end in ends.items() if await consumer.position(tp) < end]:
            for records in (await consumer.getmany(timeout_ms=500)).values():
                found += [r for r in records if key is None or r.key == key.encode()]
    finally:
        await consumer.stop()
    return found

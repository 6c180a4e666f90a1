"""Reading what the services published: every record of some topics, from the start to the end."""

from __future__ import annotations

from aiokafka.structs import ConsumerRecord

from contracts.topics import Topic
from devstack.chaos.topics import every_record as read_topics
from devstack.stack import Stack


async def every_record(
    system: Stack, topics: tuple[Topic, ...], key: str | None = None
) -> list[ConsumerRecord[bytes, bytes]]:
    """Every record on the topics (only those keyed by `key`, when given), as of now."""
    return await read_topics(system.kafka_bootstrap, topics, key)

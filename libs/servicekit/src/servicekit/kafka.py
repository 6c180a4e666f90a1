"""Kafka clients made one way: idempotent producer with acks=all, and topics created explicitly."""

from __future__ import annotations

import asyncio
import logging

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from contracts.topics import PARTITIONS, Topic

log = logging.getLogger(__name__)


def create_producer(bootstrap: str, client_id: str) -> AIOKafkaProducer:
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        client_id=client_id,
        acks="all",
        enable_idempotence=True,
        linger_ms=2,
        request_timeout_ms=10_000,
        retry_backoff_ms=200,
    )


async def ensure_topics(bootstrap: str, extra: tuple[str, ...] = ()) -> None:
    """Creates every topic with one partition count; the broker's auto-creation stays off."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, client_id="ensure-topics")
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = [
            name for name in (*(topic.value for topic in Topic), *extra) if name not in existing
        ]
        for name in wanted:
            try:
                await admin.create_topics(
                    [NewTopic(name=name, num_partitions=PARTITIONS, replication_factor=1)]
                )
            except TopicAlreadyExistsError:
                log.info("topic %s appeared meanwhile", name)
        await _await_topics_visible(admin, {topic.value for topic in Topic} | set(extra))
    finally:
        await admin.close()


async def _await_topics_visible(admin: AIOKafkaAdminClient, names: set[str]) -> None:
    for _ in range(50):
        if names <= set(await admin.list_topics()):
            return
        await asyncio.sleep(0.1)
    raise RuntimeError(f"topics not visible after creation: {sorted(names)}")

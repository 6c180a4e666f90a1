"""Kafka clients that give up quickly when the broker is not there: the start of any client, a
producer for replays and an admin client for lag."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaConnectionError, KafkaError

from contracts.envelope import Envelope, to_kafka
from payportal.endpoints import Endpoints
from payportal.failures import OpsError


async def start_client(client: Any, endpoints: Endpoints) -> None:
    """Starts a client, or closes it and says which broker did not answer."""
    try:
        await asyncio.wait_for(client.start(), endpoints.timeout)
    except (KafkaError, TimeoutError, OSError) as error:
        with contextlib.suppress(Exception):
            await (client.close() if isinstance(client, AIOKafkaAdminClient) else client.stop())
        raise OpsError(f"no Kafka at {endpoints.kafka} ({_reason(error, endpoints)})") from None


async def publish(endpoints: Endpoints, topic: str, envelope: Envelope) -> None:
    """Sends the envelope as the services' relay does: same key, headers and id, acks=all."""
    producer = AIOKafkaProducer(
        bootstrap_servers=endpoints.kafka,
        acks="all",
        enable_idempotence=True,
        request_timeout_ms=millis(endpoints.timeout),
        client_id="payportal",
    )
    await start_client(producer, endpoints)
    try:
        key, value, headers = to_kafka(envelope)
        sending = producer.send_and_wait(topic, value=value, key=key, headers=headers)
        await asyncio.wait_for(sending, endpoints.timeout)
    finally:
        await producer.stop()


@asynccontextmanager
async def admin(endpoints: Endpoints) -> AsyncIterator[AIOKafkaAdminClient]:
    client = AIOKafkaAdminClient(
        bootstrap_servers=endpoints.kafka,
        request_timeout_ms=millis(endpoints.timeout),
        client_id="payportal",
    )
    await start_client(client, endpoints)
    try:
        yield client
    finally:
        await client.close()


def _reason(error: BaseException, endpoints: Endpoints) -> str:
    if isinstance(error, TimeoutError):
        return f"no answer within {endpoints.timeout:g}s"
    if isinstance(error, KafkaConnectionError):
        return "connection failed"
    return (str(error).splitlines() or [type(error).__name__])[0][:200]


def millis(seconds: float) -> int:
    return int(seconds * 1000)

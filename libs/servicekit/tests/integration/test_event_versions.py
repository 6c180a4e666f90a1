"""Through the real broker: a current consumer reads a version 1 event that carries a field it
does not know yet, and parks at once (no retries, its reason kept) a version it cannot read."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime

import pytest

from contracts.envelope import Envelope, to_kafka
from contracts.events import PaymentExpired
from contracts.ids import new_id
from devstack.stack import Stack
from servicekit.consumer import IdempotentConsumer
from servicekit.kafka import create_producer
from servicekit.mongo import create_mongo_client

pytestmark = pytest.mark.integration


def _expired(extra: dict[str, object], version: int) -> Envelope:
    now = datetime.now(UTC)
    event = PaymentExpired(payment_id=new_id("pay"), expired_at=now)
    envelope = Envelope.wrap(event, event_id=new_id("evt"), source="/services/test", time=now)
    return envelope.model_copy(update={"data": {**envelope.data, **extra}, "dataversion": version})


async def test_a_new_field_is_read_and_an_unreadable_version_is_parked_at_once(
    infrastructure: Stack,
) -> None:
    client = create_mongo_client(infrastructure.mongo_url)
    run = uuid.uuid4().hex[:8]
    receiver = client[f"receiver_{run}"]
    topic = "payments.v1"
    attempts: list[str] = []
    added_field = _expired({"expired_by": "sweep"}, 1)
    from_the_future = _expired({"reason": "cancelled"}, 2)

    async def handle(envelope: Envelope) -> None:
        if envelope.id in (added_field.id, from_the_future.id):  # not other tests' events
            attempts.append(envelope.id)
            assert isinstance(envelope.event(), PaymentExpired)

    consumer = IdempotentConsumer(
        bootstrap=infrastructure.kafka_bootstrap,
        group_id=f"versions-{run}",
        topics=[topic],
        database=receiver,
        handle=handle,
        handled_types=frozenset({PaymentExpired.type}),
    )
    producer = create_producer(infrastructure.kafka_bootstrap, f"versions-{run}")
    await producer.start()
    running = asyncio.create_task(consumer.run())
    try:
        for envelope in (added_field, from_the_future):
            key, value, headers = to_kafka(envelope)
            await producer.send_and_wait(topic, value, key=key, headers=headers)
        deadline = asyncio.get_running_loop().time() + 60
        parked_filter = {"envelope.id": from_the_future.id}
        while await receiver["dead_letters"].count_documents(parked_filter) == 0 or not attempts:
            assert asyncio.get_running_loop().time() < deadline, "neither handled nor parked"
            await asyncio.sleep(0.2)
        await asyncio.sleep(1)  # time for retries, if there were any
        assert attempts == [added_field.id]
        assert await receiver["inbox"].count_documents({"_id": added_field.id}) == 1
        parked = [
            d
            async for d in receiver["dead_letters"].find(
                {"envelope.subject": {"$in": [added_field.subject, from_the_future.subject]}}
            )
        ]
        assert [d["envelope"]["id"] for d in parked] == [from_the_future.id]
        assert "payment-expired v2 is newer than the v1" in parked[0]["error"]
    finally:
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)
        await producer.stop()
        await client.close()

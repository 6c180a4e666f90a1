"""Events travel from one service's outbox through the real Kafka to another service's database,
survive the broker going down mid-flow, and are applied exactly once."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from prometheus_client import REGISTRY
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import OperationFailure

from contracts.envelope import Envelope, to_kafka
from contracts.events import PaymentExpired
from contracts.ids import new_id
from devstack.stack import Stack
from servicekit.consumer import ATTEMPTS_BEFORE_PARKING, IdempotentConsumer
from servicekit.consumer_io import Incoming
from servicekit.kafka import create_producer
from servicekit.locks import AggregateLocks
from servicekit.mongo import Document, create_mongo_client
from servicekit.outbox import OutboxRelay
from servicekit.outbox_documents import create_outbox_index
from servicekit.store import AggregateStore

pytestmark = pytest.mark.integration


@dataclass
class Pipeline:
    sender: AsyncDatabase[Document]
    payments: AggregateStore
    receiver: AsyncDatabase[Document]
    relay: OutboxRelay


@contextlib.asynccontextmanager
async def pipeline(infrastructure: Stack) -> AsyncIterator[Pipeline]:
    client = create_mongo_client(infrastructure.mongo_url)
    run = uuid.uuid4().hex[:8]
    sender, receiver = client[f"sender_{run}"], client[f"receiver_{run}"]
    await create_outbox_index(sender["payments"])

    async def apply(envelope: Envelope) -> None:
        # Counts applications, so a double effect shows up as 2.
        await receiver["expired"].update_one(
            {"_id": envelope.subject}, {"$inc": {"applied": 1}}, upsert=True
        )

    producer = create_producer(infrastructure.kafka_bootstrap, f"test-{run}")
    await producer.start()
    locks = AggregateLocks()
    relay = OutboxRelay([sender["payments"]], producer, locks, sweep_seconds=0.5)
    consumer = IdempotentConsumer(
        bootstrap=infrastructure.kafka_bootstrap,
        group_id=f"receiver-{run}",
        topics=["payments.v1"],
        database=receiver,
        handle=apply,
    )
    tasks = [asyncio.create_task(relay.run()), asyncio.create_task(consumer.run())]
    try:
        yield Pipeline(
            sender,
            AggregateStore(sender["payments"], locks, relay, "/test/sender"),
            receiver,
            relay,
        )
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await producer.stop()
        await client.close()


def expired_event(payment_id: str) -> Envelope:
    now = datetime.now(UTC)
    event = PaymentExpired(payment_id=payment_id, expired_at=now)
    return Envelope.wrap(event, event_id=new_id("evt"), source="/test/sender", time=now)


async def save_payment_that_expired(payments: AggregateStore) -> str:
    payment_id = new_id("pay")
    await payments.insert({"_id": payment_id, "state": "initiated"}, [])
    async with payments.writing(payment_id):
        # The state change and its event are one write.
        changed = await payments.update(
            payment_id,
            {"state": "initiated"},
            {"$set": {"state": "expired"}},
            [expired_event(payment_id)],
        )
    assert changed
    return payment_id


async def wait_applied(
    receiver: AsyncDatabase[Document], ids: list[str], seconds: float
) -> dict[str, int]:
    deadline = asyncio.get_running_loop().time() + seconds
    while True:
        seen = {
            d["_id"]: d["applied"] async for d in receiver["expired"].find({"_id": {"$in": ids}})
        }
        if len(seen) == len(ids) or asyncio.get_running_loop().time() > deadline:
            return seen
        await asyncio.sleep(0.2)


async def test_an_event_reaches_the_other_service_once(infrastructure: Stack) -> None:
    async with pipeline(infrastructure) as flow:
        ids = [await save_payment_that_expired(flow.payments) for _ in range(20)]
        applied = await wait_applied(flow.receiver, ids, 30)
        assert applied == dict.fromkeys(ids, 1)
        assert await flow.sender["payments"].count_documents({"outbox_pending": True}) == 0


def _duplicates_seen(event_type: str) -> float:
    labels = {"type": event_type, "outcome": "duplicate"}
    return REGISTRY.get_sample_value("events_consumed_total", labels) or 0.0


async def test_a_redelivered_event_is_applied_once(infrastructure: Stack) -> None:
    async with pipeline(infrastructure) as flow:
        payment_id = new_id("pay")
        event = expired_event(payment_id)
        before = _duplicates_seen(event.type)
        # A relay that published the event and crashed before marking it sent publishes it again
        # after its restart: the same event reaches Kafka, and the consumer, twice.
        producer = create_producer(infrastructure.kafka_bootstrap, f"crashed-{payment_id}")
        await producer.start()
        try:
            key, value, headers = to_kafka(event)
            for _copy in range(2):
                await producer.send_and_wait("payments.v1", value, key=key, headers=headers)
        finally:
            await producer.stop()
        await wait_applied(flow.receiver, [payment_id], 30)
        deadline = asyncio.get_running_loop().time() + 30
        while _duplicates_seen(event.type) == before:  # the second copy reached the inbox check
            assert asyncio.get_running_loop().time() < deadline, "the copy never arrived"
            await asyncio.sleep(0.2)
        assert (await flow.receiver["expired"].find_one({"_id": payment_id})) == {
            "_id": payment_id,
            "applied": 1,
        }
        assert await flow.receiver["inbox"].count_documents({"_id": event.id}) == 1


@pytest.mark.local_infra  # stops and restarts the local Kafka process
async def test_the_broker_going_down_mid_flow_loses_nothing_and_doubles_nothing(
    infrastructure: Stack,
) -> None:
    async with pipeline(infrastructure) as flow:
        before = [await save_payment_that_expired(flow.payments) for _ in range(10)]
        await asyncio.to_thread(infrastructure.processes["kafka"].stop)
        during = [await save_payment_that_expired(flow.payments) for _ in range(15)]
        await asyncio.sleep(2)  # the relay tries and fails while the broker is away
        infrastructure.restart(
            "kafka"
        )  # from the main thread: children die with their forking thread
        after = [await save_payment_that_expired(flow.payments) for _ in range(5)]
        every = before + during + after
        applied = await wait_applied(flow.receiver, every, 90)
        assert sorted(applied) == sorted(every), f"lost: {set(every) - set(applied)}"
        assert set(applied.values()) == {1}
        assert await flow.sender["payments"].count_documents({"outbox_pending": True}) == 0


async def test_an_event_waits_out_a_database_outage_and_is_never_parked_for_it(
    infrastructure: Stack,
) -> None:
    client = create_mongo_client(infrastructure.mongo_url)
    receiver = client[f"receiver_{uuid.uuid4().hex[:8]}"]
    outage = {"left": ATTEMPTS_BEFORE_PARKING + 1}  # more failures than parking allows
    handled: list[str] = []

    async def handle(envelope: Envelope) -> None:
        if outage["left"]:
            outage["left"] -= 1
            raise OperationFailure("failed to connect to `user=postgres database=ferretdb`", 1)
        handled.append(envelope.id)

    consumer = IdempotentConsumer(
        bootstrap=infrastructure.kafka_bootstrap,
        group_id="unused",
        topics=["payments.v1"],
        database=receiver,
        handle=handle,
    )
    event = expired_event(new_id("pay"))
    _key, value, headers = to_kafka(event)
    try:
        await consumer.process(headers, value, "payments.v1")
        assert handled == [event.id]
        assert await receiver["dead_letters"].count_documents({}) == 0
        assert await receiver["inbox"].count_documents({"_id": event.id}) == 1
    finally:
        await client.close()


async def test_a_batch_applies_each_new_event_once_and_records_them_all(
    infrastructure: Stack,
) -> None:
    client = create_mongo_client(infrastructure.mongo_url)
    receiver = client[f"receiver_{uuid.uuid4().hex[:8]}"]
    applied: list[str] = []
    old, twice, raced, fresh = (expired_event(new_id("pay")) for _ in range(4))

    async def handle(envelope: Envelope) -> None:
        applied.append(envelope.id)
        if envelope.id == raced.id:  # another consumer recorded it meanwhile (a rebalance)
            await receiver["inbox"].insert_one({"_id": raced.id, "type": raced.type})

    consumer = IdempotentConsumer(
        bootstrap=infrastructure.kafka_bootstrap,
        group_id="unused",
        topics=["payments.v1"],
        database=receiver,
        handle=handle,
    )
    await receiver["inbox"].insert_one({"_id": old.id, "type": old.type})
    batch = [incoming(event) for event in (old, twice, raced, twice, fresh)]
    try:
        await consumer.process_batch(batch)
        assert sorted(applied) == sorted([twice.id, raced.id, fresh.id])
        recorded = {d["_id"] async for d in receiver["inbox"].find({})}
        assert recorded == {old.id, twice.id, raced.id, fresh.id}
        await consumer.process_batch(batch)  # the whole batch redelivered: nothing again
        assert len(applied) == 3
    finally:
        await client.close()


async def test_one_payments_events_are_handled_in_their_order_within_a_batch(
    infrastructure: Stack,
) -> None:
    client = create_mongo_client(infrastructure.mongo_url)
    receiver = client[f"receiver_{uuid.uuid4().hex[:8]}"]
    payment_ids = [new_id("pay") for _ in range(3)]
    events = [expired_event(payment_id) for _ in range(4) for payment_id in payment_ids]
    handled: list[Envelope] = []

    async def handle(envelope: Envelope) -> None:
        await asyncio.sleep(0.01 * (hash(envelope.id) % 3))  # uneven, so order would show
        handled.append(envelope)

    consumer = IdempotentConsumer(
        bootstrap=infrastructure.kafka_bootstrap,
        group_id="unused",
        topics=["payments.v1"],
        database=receiver,
        handle=handle,
    )
    try:
        await consumer.process_batch([incoming(event) for event in events])
        for payment_id in payment_ids:
            sent = [event.id for event in events if event.subject == payment_id]
            assert [event.id for event in handled if event.subject == payment_id] == sent
    finally:
        await client.close()


def incoming(event: Envelope) -> Incoming:
    key, value, headers = to_kafka(event)
    return Incoming("payments.v1", key, headers, value)

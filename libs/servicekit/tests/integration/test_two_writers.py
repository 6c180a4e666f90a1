"""Two processes writing one document: the second replica's write is done directly in the
database between this process's read and its write (deterministic, not a race)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import pytest
from aiokafka import AIOKafkaProducer
from pymongo.asynchronous.collection import AsyncCollection

from contracts.envelope import Envelope
from contracts.events import PaymentExpired
from contracts.ids import new_id
from devstack.stack import Stack
from servicekit.locks import AggregateLocks
from servicekit.mongo import Document, create_mongo_client
from servicekit.outbox import OutboxRelay
from servicekit.outbox_documents import clear_if_only, new_document_events, with_events
from servicekit.store import AggregateStore

pytestmark = pytest.mark.integration


@pytest.fixture
async def collection(infrastructure: Stack) -> AsyncIterator[AsyncCollection[Document]]:
    client = create_mongo_client(infrastructure.mongo_url)
    database = client[f"two_writers_{uuid.uuid4().hex[:8]}"]
    yield database["payments"]
    await client.drop_database(database.name)
    await client.close()


class OtherReplicaWritesAfterRead:
    """The collection as this process sees it: right after its first read, the other replica's
    write lands (as if it ran between our read and our write)."""

    def __init__(self, real: AsyncCollection[Document], update: Document) -> None:
        self._real = real
        self._update = update
        self.fired = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    async def find_one(self, *args: Any, **kwargs: Any) -> Document | None:
        found = await self._real.find_one(*args, **kwargs)
        if not self.fired and found is not None:
            self.fired = True
            await self._real.update_one({"_id": found["_id"]}, self._update)
        return found


def expired(payment_id: str) -> Envelope:
    now = datetime.now(UTC)
    event = PaymentExpired(payment_id=payment_id, expired_at=now)
    return Envelope.wrap(event, event_id=new_id("evt"), source="/test", time=now)


async def test_clearing_the_outbox_keeps_an_event_pushed_meanwhile(
    collection: AsyncCollection[Document],
) -> None:
    payment_id = new_id("pay")
    sent, pushed = expired(payment_id), expired(payment_id)
    await collection.insert_one({"_id": payment_id, **new_document_events([sent])})
    other = OtherReplicaWritesAfterRead(collection, with_events({}, [pushed]))
    relay = OutboxRelay([collection], cast(AIOKafkaProducer, None), AggregateLocks(), 60.0)

    await relay._mark_sent(cast(AsyncCollection[Document], other), payment_id, {sent.id})

    assert other.fired
    stored = await collection.find_one({"_id": payment_id})
    assert stored is not None
    assert [raw["id"] for raw in stored["outbox"]] == [pushed.id]
    assert stored["outbox_pending"] is True


async def test_one_replica_holds_a_claim_until_its_lease_ends_or_it_releases_it(
    collection: AsyncCollection[Document],
) -> None:
    store = AggregateStore(collection, AggregateLocks(), cast(OutboxRelay, None), "/test")
    payment_id = new_id("pay")
    await collection.insert_one({"_id": payment_id, "receipt_due": True})
    lease = timedelta(seconds=60)

    first = await store.claim(payment_id, {"receipt_due": True}, "receipt", lease)
    assert first is not None
    assert await store.claim(payment_id, {"receipt_due": True}, "receipt", lease) is None
    await store.release(payment_id, "receipt", first)
    again = await store.claim(payment_id, {"receipt_due": True}, "receipt", lease)
    assert again is not None
    # A replica that crashed holding it: after the lease the job is taken again.
    await collection.update_one(
        {"_id": payment_id}, {"$set": {"claims_receipt_at": again - 2 * lease}}
    )
    assert await store.claim(payment_id, {"receipt_due": True}, "receipt", lease) is not None
    await collection.update_one({"_id": payment_id}, {"$set": {"receipt_due": False}})
    assert await store.claim(payment_id, {"receipt_due": True}, "other", lease) is None


async def test_clearing_the_outbox_in_one_write_when_it_holds_only_what_was_sent(
    collection: AsyncCollection[Document],
) -> None:
    payment_id = new_id("pay")
    sent = expired(payment_id)
    await collection.insert_one({"_id": payment_id, **new_document_events([sent])})
    as_written = new_document_events([sent])["outbox"]

    assert await clear_if_only(collection, payment_id, as_written, {sent.id})
    stored = await collection.find_one({"_id": payment_id})
    assert stored is not None
    assert stored["outbox"] == []
    assert stored["outbox_pending"] is False


async def test_the_one_write_clearing_misses_when_another_event_was_pushed_and_keeps_it(
    collection: AsyncCollection[Document],
) -> None:
    payment_id = new_id("pay")
    sent, pushed = expired(payment_id), expired(payment_id)
    await collection.insert_one({"_id": payment_id, **new_document_events([sent])})
    await collection.update_one({"_id": payment_id}, with_events({}, [pushed]))
    relay = OutboxRelay([collection], cast(AIOKafkaProducer, None), AggregateLocks(), 60.0)

    await relay._mark_sent(collection, payment_id, {sent.id}, new_document_events([sent])["outbox"])

    stored = await collection.find_one({"_id": payment_id})
    assert stored is not None
    assert [raw["id"] for raw in stored["outbox"]] == [pushed.id]
    assert stored["outbox_pending"] is True

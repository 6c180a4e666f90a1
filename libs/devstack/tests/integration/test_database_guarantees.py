"""What the services count on from the database the project starts (FerretDB, patched, over
PostgreSQL), as they would from MongoDB: a guarded write applies only to a document that still
matches, concurrent increments all count, a claim hands a document to one caller, and more
commands than the pool has connections wait instead of hanging."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest
from pymongo import AsyncMongoClient, ReturnDocument
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import DuplicateKeyError

from devstack.postgres import FERRETDB_POOL
from devstack.stack import Stack
from servicekit.mongo import Document

pytestmark = pytest.mark.integration


@pytest.fixture
async def collection(infrastructure: Stack) -> AsyncIterator[AsyncCollection[Document]]:
    client: AsyncMongoClient[Document] = AsyncMongoClient(
        infrastructure.mongo_url, maxPoolSize=4 * FERRETDB_POOL + 10
    )
    try:
        yield client["guarantees"][f"c{uuid.uuid4().hex[:12]}"]
    finally:
        await client.close()


async def test_of_twenty_concurrent_guarded_updates_exactly_one_wins(
    collection: AsyncCollection[Document],
) -> None:
    for round_number in range(10):
        race = f"race-{round_number}"
        await collection.insert_one({"_id": race, "state": "initiated", "log": []})
        results = await asyncio.gather(
            *(
                collection.update_one(
                    {"_id": race, "state": "initiated"},
                    {"$set": {"state": "debited", "by": caller}, "$push": {"log": caller}},
                )
                for caller in range(20)
            )
        )
        winners = [caller for caller, result in enumerate(results) if result.modified_count]
        stored = await collection.find_one({"_id": race})
        assert stored is not None
        assert len(winners) == 1
        assert stored["log"] == winners and stored["by"] == winners[0]


async def test_two_hundred_concurrent_increments_all_count(
    collection: AsyncCollection[Document],
) -> None:
    await collection.insert_one({"_id": "counter", "n": 0})
    await asyncio.gather(
        *(collection.update_one({"_id": "counter"}, {"$inc": {"n": 1}}) for _ in range(200))
    )
    stored = await collection.find_one({"_id": "counter"})
    assert stored is not None and stored["n"] == 200


async def test_concurrent_claims_hand_each_document_to_one_caller(
    collection: AsyncCollection[Document],
) -> None:
    await collection.insert_many([{"_id": f"job-{n}", "state": "free"} for n in range(20)])
    claims = await asyncio.gather(
        *(
            collection.find_one_and_update(
                {"state": "free"},
                {"$set": {"state": "taken", "by": caller}},
                return_document=ReturnDocument.AFTER,
            )
            for caller in range(40)
        )
    )
    taken = [claim for claim in claims if claim is not None]
    assert len(taken) == 20
    assert len({claim["_id"] for claim in taken}) == 20
    stored = {doc["_id"]: doc["by"] async for doc in collection.find({})}
    assert stored == {claim["_id"]: claim["by"] for claim in taken}


async def test_concurrent_inserts_of_one_id_store_one(
    collection: AsyncCollection[Document],
) -> None:
    async def insert(caller: int) -> bool:
        try:
            await collection.insert_one({"_id": "evt-1", "by": caller})
        except DuplicateKeyError:
            return False
        return True

    outcomes = await asyncio.gather(*(insert(caller) for caller in range(20)))
    assert outcomes.count(True) == 1
    assert await collection.count_documents({}) == 1


async def test_a_guarded_delete_spares_a_document_that_moved_on(
    collection: AsyncCollection[Document],
) -> None:
    for round_number in range(10):
        key = f"doc-{round_number}"
        await collection.insert_one({"_id": key, "state": "a"})
        moved, *deleted = await asyncio.gather(
            collection.update_one({"_id": key, "state": "a"}, {"$set": {"state": "b"}}),
            *(collection.delete_one({"_id": key, "state": "a"}) for _ in range(10)),
        )
        removed = sum(result.deleted_count for result in deleted)
        remaining = await collection.find_one({"_id": key})
        if moved.modified_count:  # the move won: the document is there, in its new state
            assert removed == 0
            assert remaining is not None and remaining["state"] == "b"
        else:  # a delete won: exactly one, and nothing is left
            assert removed == 1 and remaining is None


async def test_four_times_the_pool_in_updates_all_complete(
    collection: AsyncCollection[Document],
) -> None:
    await collection.insert_many([{"_id": n, "state": "a", "n": 0} for n in range(2_000)])
    in_flight = 4 * FERRETDB_POOL
    async with asyncio.timeout(
        120
    ):  # a deadlocked pool never answers; this turns it into a failure
        results = await asyncio.gather(
            *(
                collection.update_one({"_id": n % 50, "state": "a"}, {"$inc": {"n": 1}})
                for n in range(in_flight)
            )
        )
    assert all(result.modified_count == 1 for result in results)
    total = sum([doc["n"] async for doc in collection.find({"_id": {"$lt": 50}})])
    assert total == in_flight

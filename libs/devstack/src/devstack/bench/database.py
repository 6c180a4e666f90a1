"""The database alone, as the services use it: `_id` lookups and guarded updates as the
collection grows, and the bare Mongo-wire rates that bound what the pipeline can reach.

`python -m devstack.bench.database MONGO_URL --sizes 1000,100000,1000000`
prints one JSON line of raw figures for the parent to report.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import time
from datetime import UTC, datetime
from typing import Any

from pymongo import AsyncMongoClient
from pymongo.asynchronous.collection import AsyncCollection

Document = dict[str, Any]
SAMPLES = 300
BATCH = 2_000
STATES = ("completed", "completed", "completed", "refunded", "expired", "declined")


def payment_like(number: int) -> Document:
    """About the size and shape of a stored payment (1.3 kB as JSON)."""
    now = datetime.now(UTC)
    return {
        "_id": f"pay_{number:026d}",
        "service_id": "azercell",
        "account": f"50{number % 10_000_000:07d}",
        "amount_qepik": 100 + number % 5_000,
        "fee_qepik": 0,
        "total_qepik": 100 + number % 5_000,
        "email": None,
        "created_at": now,
        "expires_at": now,
        "state": STATES[number % len(STATES)],
        "history": [{"state": state, "at": now, "reason": None} for state in STATES[:3]],
        "outbox": [],
        "outbox_pending": False,
    }


class Grower:
    """Fills a collection with stored payments up to a total size, keeping count of its own."""

    def __init__(self, collection: AsyncCollection[Document], own: int = 0) -> None:
        self.collection = collection
        self.own = own

    async def grow_to(self, total: int) -> int:
        """Inserts until the collection holds `total` documents; returns the size reached."""
        have = await self.collection.estimated_document_count()
        while have < total:
            batch = min(BATCH, total - have)
            await self.collection.insert_many(
                [payment_like(self.own + n) for n in range(batch)], ordered=False
            )
            self.own += batch
            have += batch
        return have

    async def lookups(self) -> dict[str, list[float]]:
        """One call at a time, so each figure is the latency of one call, not of a queue."""
        found, guarded = [], []
        for _ in range(SAMPLES):
            document_id = f"pay_{random.randrange(self.own):026d}"
            started = time.perf_counter()
            await self.collection.find_one({"_id": document_id}, {"outbox": 0})
            found.append(time.perf_counter() - started)
        # A state of their own, so that no sweep of the service picks these up meanwhile.
        probes = [{**payment_like(10**12 + n), "state": "bench-waiting"} for n in range(SAMPLES)]
        await self.collection.insert_many(probes)
        for probe in probes:
            started = time.perf_counter()
            result = await self.collection.update_one(
                {"_id": probe["_id"], "state": "bench-waiting"},
                {"$set": {"state": "bench-done"}, "$push": {"history": {"state": "bench-done"}}},
            )
            guarded.append(time.perf_counter() - started)
            if result.modified_count != 1:
                raise RuntimeError("a guarded update missed its document")
        await self.collection.delete_many({"state": "bench-done"})
        return {"find_one_by_id": found, "guarded_update": guarded}


async def bare_rates(collection: AsyncCollection[Document], tasks: int = 32) -> dict[str, float]:
    """Operations/s with `tasks` callers at once: the ceiling the services share."""
    rates = {}
    count = 3_000

    async def timed(name: str, make: Any) -> None:
        started = time.perf_counter()
        per_task = count // tasks
        await asyncio.gather(*(make(t, per_task) for t in range(tasks)))
        rates[name] = per_task * tasks / (time.perf_counter() - started)

    async def insert(task: int, n: int) -> None:
        for i in range(n):
            await collection.insert_one(payment_like(10**9 + task * n + i))

    async def find(task: int, n: int) -> None:
        for i in range(n):
            await collection.find_one({"_id": f"pay_{10**9 + task * n + i:026d}"})

    async def update(task: int, n: int) -> None:
        for i in range(n):
            await collection.update_one(
                {"_id": f"pay_{10**9 + task * n + i:026d}"}, {"$inc": {"amount_qepik": 1}}
            )

    await timed("insert_one", insert)
    await timed("find_one", find)
    await timed("update_one", update)
    return rates


async def run(url: str, sizes: list[int]) -> dict[str, Any]:
    client: AsyncMongoClient[Document] = AsyncMongoClient(url, tz_aware=True, maxPoolSize=64)
    try:
        rates = await bare_rates(client["bench"]["bare"])
        grower = Grower(client["bench"]["payments"])
        by_size = {}
        for size in sorted(sizes):
            reached = await grower.grow_to(size)
            by_size[str(reached)] = await grower.lookups()
        await client.drop_database("bench")
        return {"bare_rates": rates, "by_size": by_size}
    finally:
        await client.close()


async def grow_and_look_up(
    url: str, database: str, collection: str, own: int, size: int
) -> tuple[int, int, dict[str, list[float]]]:
    """Grows a service's collection to `size` (we had stored `own` of its documents before)
    and measures there; returns our count, the size reached and the latencies."""
    client: AsyncMongoClient[Document] = AsyncMongoClient(url, tz_aware=True)
    try:
        grower = Grower(client[database][collection], own)
        reached = await grower.grow_to(size)
        return grower.own, reached, await grower.lookups()
    finally:
        await client.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mongo_url")
    parser.add_argument("--sizes", default="1000,100000,1000000")
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.sizes.split(",")]
    sys.stdout.write(json.dumps(asyncio.run(run(arguments.mongo_url, sizes))) + "\n")


if __name__ == "__main__":
    main()

"""`dead-letters list | show | replay` with servicekit's real consumer: it parks an event after
five failures, and handles its replay exactly once however often it is replayed."""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from contracts.envelope import Envelope
from contracts.ids import new_id
from devstack.stack import Stack
from servicekit.consumer import IdempotentConsumer
from servicekit.mongo import create_mongo_client

from .conftest import Cli
from .topics import expired, send

pytestmark = pytest.mark.integration
DATABASE = "support_desk"  # one the command line reads; this test touches only its own ids


@dataclass
class FlakyHandler:
    """Fails every event until `healed`, then counts what it handles."""

    healed: bool = False
    handled: list[str] = field(default_factory=list)

    async def __call__(self, envelope: Envelope) -> None:
        if not self.healed:
            raise RuntimeError("cannot handle this yet")
        self.handled.append(envelope.id)


async def until(check: Callable[[], object], seconds: float = 30) -> None:
    for _ in range(int(seconds / 0.2)):
        if check():
            return
        await asyncio.sleep(0.2)


async def group_lag(cli: Cli, group: str) -> list[list[str]]:
    """`lag`'s rows of one group, once it has caught up (or as they are after 20 s)."""
    for _ in range(40):
        done = await asyncio.to_thread(cli, "lag")
        assert done.returncode == 0, done.stderr
        rows = [row for row in map(str.split, done.stdout.splitlines()) if row[:1] == [group]]
        if rows and all(row[-1] == "0" for row in rows):
            return rows
        await asyncio.sleep(0.5)
    return rows


async def test_a_parked_event_is_replayed_through_its_consumer_exactly_once(
    cli: Cli, infrastructure: Stack, topic: str
) -> None:
    envelope = expired(new_id("pay"))
    handler = FlakyHandler()
    client = create_mongo_client(infrastructure.mongo_url)
    database = client[DATABASE]
    group = f"opscli-test-{uuid.uuid4().hex[:8]}"
    consumer = IdempotentConsumer(
        bootstrap=infrastructure.kafka_bootstrap,
        group_id=group,
        topics=[topic],
        database=database,
        handle=handler,
    )
    running = asyncio.create_task(consumer.run())
    try:
        await send(infrastructure, topic, envelope, raw=b"not json at all")
        letters = database["dead_letters"]
        for _ in range(150):  # five failed attempts take ~6 s
            if await letters.count_documents({"topic": topic}) == 2:
                break
            await asyncio.sleep(0.2)
        parked = await letters.find_one({"envelope.id": envelope.id})
        junk = await letters.find_one({"topic": topic, "envelope": None})
        assert parked is not None and junk is not None
        letter_id, junk_id = str(parked["_id"]), str(junk["_id"])

        listed = await asyncio.to_thread(cli, "dead-letters", "list")
        row = next(line for line in listed.stdout.splitlines() if letter_id in line)
        assert DATABASE in row and topic in row and "payment-expired" in row
        assert "RuntimeError" in row  # the list may narrow the error to fit; `show` has it whole
        shown = await asyncio.to_thread(cli, "dead-letters", "show", letter_id)
        assert json.loads(shown.stdout)["envelope"]["id"] == envelope.id
        assert "cannot handle this yet" in json.loads(shown.stdout)["error"]

        handler.healed = True
        first = await asyncio.to_thread(cli, "dead-letters", "replay", letter_id)
        assert first.returncode == 0, first.stderr
        assert f"{DATABASE} handles it again" in first.stdout
        await until(lambda: handler.handled)
        assert handler.handled == [envelope.id]

        again = await asyncio.to_thread(cli, "dead-letters", "replay", letter_id)
        assert again.returncode == 0 and "inbox skips it" in again.stdout
        # the second copy is read (the group reaches the end) and skipped by the inbox
        ours = await group_lag(cli, group)
        assert ours and all(row[-1] == "0" for row in ours), ours
        assert sum(int(row[4]) for row in ours) == 4  # the event, the junk, two replays
        assert handler.handled == [envelope.id]
        stored = await letters.find_one({"_id": parked["_id"]})
        assert stored is not None and stored["replays"] == 2 and stored["replayed_at"]

        refused = await asyncio.to_thread(cli, "dead-letters", "replay", junk_id)
        assert refused.returncode == 1 and "not a CloudEvent" in refused.stderr
        unknown = await asyncio.to_thread(cli, "dead-letters", "show", "0" * 24)
        assert unknown.returncode == 1
        assert unknown.stderr.startswith(f"error: no dead letter {'0' * 24}")
    finally:
        running.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await running
        await client.close()

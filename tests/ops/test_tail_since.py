"""`events tail --since` a time or an offset, on a topic of the test's own; records that are not
CloudEvents are shown, not dropped."""

from __future__ import annotations

import asyncio
import json

import pytest

from contracts.ids import new_id
from devstack.stack import Stack

from .conftest import Cli
from .topics import expired, send

pytestmark = pytest.mark.integration


async def test_since_starts_at_an_offset_or_a_time_and_junk_is_shown(
    cli: Cli, infrastructure: Stack, topic: str
) -> None:
    payment_id = new_id("pay")
    events = [expired(payment_id) for _ in range(3)]  # one key: one partition, in order
    await send(infrastructure, topic, *events, raw=b"\xff")

    everything = await asyncio.to_thread(cli, "events", "tail", "--topic", topic, "--no-follow")
    lines = everything.stdout.splitlines()
    assert len(lines) == 4 and sum("(not a CloudEvent)" in line for line in lines) == 1
    from_one = await asyncio.to_thread(
        cli, "events", "tail", "--topic", topic, "--no-follow", "--since", "offset:1", "--json"
    )
    ids = [json.loads(line)["id"] for line in from_one.stdout.splitlines()]
    assert ids == [event.id for event in events[1:]]
    recent = await asyncio.to_thread(
        cli, "events", "tail", "--topic", topic, "--no-follow", "--since", "-1m", "--json"
    )
    assert len(recent.stdout.splitlines()) == 3
    future = await asyncio.to_thread(
        cli, "events", "tail", "--topic", topic, "--no-follow", "--since", "2099-01-01T00:00:00Z"
    )
    assert future.returncode == 0 and future.stdout == ""
    missing = await asyncio.to_thread(cli, "events", "tail", "--topic", "nope.v9", "--no-follow")
    assert missing.returncode == 1 and "no topic nope.v9" in missing.stderr

"""After the end-to-end suite: every payment it made ended honestly (issue 10's closing check).

Each debited payment is completed, refunded, or has an open case; none is both activated and
refunded without a case; no case stays open for a payment that the missing event has settled.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass, field

from pymongo import AsyncMongoClient

from contracts.envelope import from_kafka
from contracts.topics import Topic
from devstack.chaos.invariants import SETTLED_BY  # shared with the chaos run's checker
from devstack.stack import Stack
from tests.e2e.topics import every_record


@dataclass
class PaymentStory:
    payment_id: str
    state: str
    events: set[str] = field(default_factory=set)  # the types published about it
    open_cases: Counter[str] = field(default_factory=Counter)  # open cases by kind
    cases: int = 0  # every case about it, open or closed


def violations(story: PaymentStory) -> list[str]:
    found = []
    settled = story.state in {"completed", "refunded"}
    if "card-debited" in story.events and not settled and not story.open_cases:
        found.append(f"debited, left {story.state}, and no case is open")
    if {"provider-activated", "payment-refunded"} <= story.events and not story.cases:
        found.append("activated and refunded, and no case was opened")
    for kind, count in story.open_cases.items():
        if story.events & set(SETTLED_BY.get(kind, ())):
            found.append(f"a {kind} case is still open though the payment settled")
        if count > 1:
            found.append(f"{count} open {kind} cases")
    return found


async def payment_stories(system: Stack) -> dict[str, PaymentStory]:
    client: AsyncMongoClient[dict[str, object]] = AsyncMongoClient(system.mongo_url)
    try:
        stories = {
            str(doc["_id"]): PaymentStory(str(doc["_id"]), str(doc["state"]))
            async for doc in client["checkout"]["payments"].find({}, {"state": 1})
        }
        async for ticket in client["support_desk"]["tickets"].find(
            {"payment_id": {"$in": list(stories)}}
        ):
            story = stories[str(ticket["payment_id"])]
            kind = ticket.get("mismatch_kind")
            if kind is None:
                continue  # a customer's letter, not a case the reconciler opened
            story.cases += 1
            if ticket["state"] not in {"resolved", "redirected"}:
                story.open_cases[str(kind)] += 1
    finally:
        await client.close()
    for record in await every_record(system, (Topic.PAYMENTS, Topic.ACTIVATIONS)):
        about = stories.get((record.key or b"").decode())
        if about is not None:
            about.events.add(from_kafka(list(record.headers), record.value or b"").type)
    return stories


async def walk(
    system: Stack, patience: float = 60.0
) -> tuple[dict[str, PaymentStory], dict[str, list[str]]]:
    """Every payment's story, and what is still wrong once the last ones had `patience` seconds
    to settle (the suite's final payments may still be on their way)."""
    loop = asyncio.get_running_loop()
    give_up_at = loop.time() + patience
    while True:
        stories = await payment_stories(system)
        wrong = {pid: found for pid, story in stories.items() if (found := violations(story))}
        if not wrong or loop.time() >= give_up_at:
            return stories, wrong
        await asyncio.sleep(2)


def summary(stories: dict[str, PaymentStory], wrong: dict[str, list[str]]) -> str:
    states = Counter(story.state for story in stories.values())
    debited = sum("card-debited" in story.events for story in stories.values())
    cases = sum(story.cases for story in stories.values())
    lines = [
        f"{len(stories)} payments walked; {debited} debited; {cases} cases; by state: "
        + ", ".join(f"{state} {count}" for state, count in sorted(states.items())),
        f"{len(wrong)} payments did not end honestly",
        *(f"  {pid} ({stories[pid].state}): {'; '.join(found)}" for pid, found in wrong.items()),
    ]
    return "\n".join(lines)

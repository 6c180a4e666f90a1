"""A reconciler restarted after being away reads every event written meanwhile, none skipped.

`make chaos` once left alerts open for ever: after the broker's outage and its own kill, the
reconciler took records fetched before its seek to the committed offsets for a gap and committed
past events it never read (see `reconciler.recovery`). Here the payments are made while it is
down, through the real system, and the restarted worker must know each one's debit and activation.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from devstack.stack import Stack
from tests.e2e.portal import Portal
from tests.e2e.test_reconciliation import pay

pytestmark = pytest.mark.e2e

PAYMENTS = 16  # four a partition on average, on the payment and the activation topics
ROUNDS = 2  # two restarts with a backlog: the second starts from offsets the first committed


async def test_a_restarted_reconciler_reads_every_event_written_while_it_was_away(
    portal: Portal, system: Stack
) -> None:
    for _ in range(ROUNDS):
        system.processes["reconciler"].kill()
        try:
            made_while_away = await asyncio.gather(
                *(pay(portal, "connect", f"{1 + n}.00") for n in range(PAYMENTS))
            )
            for payment_id in made_while_away:
                state = (await portal.wait_for_state(payment_id, {"completed"}))["state"]
                assert state == "completed", payment_id
        finally:
            await asyncio.to_thread(system.restart, "reconciler")

        answers = await asyncio.gather(*(known_to_reconciler(system, p) for p in made_while_away))
        known = dict(zip(made_while_away, answers, strict=True))

        unread = {
            p: events(facts) for p, facts in known.items() if not debited_and_activated(facts)
        }
        assert not unread, f"{len(unread)} of {PAYMENTS} payments read only in part: {unread}"


async def known_to_reconciler(system: Stack, payment_id: str, seconds: float = 60) -> Any:
    """What the reconciler knows of the payment once it has its debit and activation, or at
    the end of the wait what it knows then."""
    url = f"http://127.0.0.1:{system.ports.reconciler}/payments/{payment_id}"
    facts: Any = None
    async with httpx.AsyncClient(timeout=5) as client:
        for _ in range(int(seconds / 0.25)):
            answer = await client.get(url)
            facts = answer.json() if answer.status_code == 200 else None
            if debited_and_activated(facts):
                return facts
            await asyncio.sleep(0.25)
    return facts


def events(facts: Any) -> list[str]:
    """The events the reconciler has of a payment, newest first (none when it has no facts)."""
    return [entry["type"] for entry in facts["trail"]] if facts else []


def debited_and_activated(facts: Any) -> bool:
    return bool(facts and facts.get("debited") and facts.get("activations"))

"""One payment's step end to end with a dict for the table: sent before stored, never twice."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from contracts.envelope import Envelope
from reconciler.config import Settings
from reconciler.handlers import Reconciler
from reconciler.progress import StreamProgress

from .payment_events import PAYMENT, T0, activated, debited

DEADLINE = timedelta(seconds=600)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def caught_up() -> StreamProgress:
    return StreamProgress(("payments.v1", "activations.v1"), lambda _t, _p: 0, lambda _t, _p: 0)


class DictTable:
    """The facts store as a dict: a write is done when it returns, like the written-through table."""

    def __init__(self) -> None:
        self.stored: dict[str, dict[str, Any]] = {}

    def get(self, payment_id: str) -> dict[str, Any] | None:
        return self.stored.get(payment_id)

    async def put(self, _partition: int, payment_id: str, facts: dict[str, Any]) -> None:
        self.stored[payment_id] = facts

    async def forget(self, _partition: int, payment_id: str) -> None:
        self.stored.pop(payment_id, None)


def reconciler(table: DictTable, sent: list[Envelope], clock: Clock) -> Reconciler:
    async def publish(envelope: Envelope) -> None:
        sent.append(envelope)

    return Reconciler(table, publish, caught_up(), Settings(), clock)


async def test_a_due_payment_is_told_once_however_often_it_is_checked() -> None:
    table = DictTable()
    sent: list[Envelope] = []
    clock = Clock()
    worker = reconciler(table, sent, clock)
    await worker.on_event(0, debited())

    clock.now = T0 + DEADLINE
    for _ in range(3):
        await worker.on_check(0, PAYMENT)
    await worker.on_event(0, activated(T0 + DEADLINE * 2))
    await worker.on_check(0, PAYMENT)

    assert [(e.type, e.data["kind"]) for e in sent] == [
        ("mismatch-detected", "debited_not_activated"),
        ("mismatch-cleared", "debited_not_activated"),
    ]


async def test_a_crash_after_sending_and_before_storing_repeats_the_same_event_id() -> None:
    table = DictTable()
    sent: list[Envelope] = []
    clock = Clock()
    await reconciler(table, sent, clock).on_event(0, debited())
    clock.now = T0 + DEADLINE

    async def publish_then_die(envelope: Envelope) -> None:
        sent.append(envelope)
        raise RuntimeError("killed before the table was written")

    dying = Reconciler(table, publish_then_die, caught_up(), Settings(), clock)
    with pytest.raises(RuntimeError):
        await dying.on_check(0, PAYMENT)
    await reconciler(table, sent, clock).on_check(0, PAYMENT)

    assert len(sent) == 2 and sent[0].id == sent[1].id


async def test_an_alert_sent_by_a_worker_killed_before_storing_it_is_read_back_and_cleared() -> (
    None
):
    table = DictTable()
    sent: list[Envelope] = []
    clock = Clock()
    await reconciler(table, sent, clock).on_event(0, debited())
    clock.now = T0 + DEADLINE

    async def publish_then_die(envelope: Envelope) -> None:
        sent.append(envelope)
        raise RuntimeError("killed before the table was written")

    dying = Reconciler(table, publish_then_die, caught_up(), Settings(), clock)
    with pytest.raises(RuntimeError):
        await dying.on_check(0, PAYMENT)
    # After the restart the activation comes first: nothing is due any more, so nothing is sent
    # again; then the worker reads its own detection back from reconciliation.v1.
    restarted = reconciler(table, sent, clock)
    await restarted.on_event(0, activated(T0 + DEADLINE * 2))
    await restarted.on_event(0, sent[0])
    await restarted.on_event(0, sent[0])

    assert [(e.type, e.data["kind"]) for e in sent] == [
        ("mismatch-detected", "debited_not_activated"),
        ("mismatch-cleared", "debited_not_activated"),
    ]

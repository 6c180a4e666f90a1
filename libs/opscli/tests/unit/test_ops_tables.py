"""`lag` and the listings: numbers an ops person acts on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from io import StringIO

from rich.console import Console
from rich.table import Table

from payportal.tables import PartitionLag, dead_letters_table, lag_table, outbox_table

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def text_of(table: Table) -> str:
    out = StringIO()
    Console(file=out, width=200).print(table)
    return out.getvalue()


def test_lag_is_end_minus_committed_and_unknown_without_a_commit() -> None:
    behind = PartitionLag("checkout", "activations.v1", 2, committed=7, end=10)
    caught_up = PartitionLag("checkout", "activations.v1", 1, committed=10, end=10)
    never = PartitionLag("support-desk", "reconciliation.v1", 0, committed=None, end=3)

    assert (behind.lag, caught_up.lag, never.lag) == (3, 0, None)
    lines = text_of(lag_table([never, behind, caught_up])).splitlines()
    assert [line.split()[:3] for line in lines[1:]] == [
        ["checkout", "activations.v1", "1"],
        ["checkout", "activations.v1", "2"],
        ["support-desk", "reconciliation.v1", "0"],
    ]
    assert lines[2].split()[3:] == ["7", "10", "3"]
    assert lines[3].split()[3:] == ["-", "3", "-"]


def test_the_outbox_backlog_shows_the_oldest_unsent_events_age() -> None:
    rows = [
        ("checkout", "payments", 2, NOW - timedelta(seconds=42)),
        ("support_desk", "tickets", 0, None),
    ]
    text = text_of(outbox_table(rows, NOW))

    checkout = next(line for line in text.splitlines() if "checkout" in line)
    assert checkout.split()[2:] == ["2", "42.0s", "ago"]
    tickets = next(line for line in text.splitlines() if "tickets" in line)
    assert tickets.split()[2:] == ["0", "-"]


def test_dead_letters_list_their_service_event_and_error() -> None:
    letter = {
        "_id": "6650f0c2a1b2c3d4e5f60718",
        "service": "checkout",
        "topic": "activations.v1",
        "envelope": {"type": "provider-activated", "subject": "pay_1"},
        "error": "RuntimeError('boom')",
        "parked_at": NOW,
        "replayed_at": None,
    }
    undecodable = {"_id": "6650f0c2a1b2c3d4e5f60719", "service": "checkout", "envelope": None}
    text = text_of(dead_letters_table([letter, undecodable]))

    first = next(line for line in text.splitlines() if "6650f0c2a1b2c3d4e5f60718" in line)
    assert first.split()[:6] == [
        "2026-05-01T12:00:00.000Z",
        "6650f0c2a1b2c3d4e5f60718",
        "checkout",
        "activations.v1",
        "provider-activated",
        "pay_1",
    ]
    assert "RuntimeError('boom')" in first
    assert "(not a CloudEvent)" in text

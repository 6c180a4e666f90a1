"""How far the streams were read decides what may be concluded; the sweep asks for due checks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from reconciler.progress import EPOCH, StreamProgress
from reconciler.sweep import Sweeper

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
TOPICS = ("payments.v1", "activations.v1")


def progress(ends: dict[str, int | None], resumed: dict[str, int | None]) -> StreamProgress:
    return StreamProgress(TOPICS, lambda t, _p: ends[t], lambda t, _p: resumed[t])


def test_a_partition_read_to_its_end_counts_as_read_up_to_now() -> None:
    read = progress(
        {"payments.v1": 10, "activations.v1": 0}, {"payments.v1": 10, "activations.v1": None}
    )

    assert read.seen_through(0, NOW) == NOW


def test_a_backlog_holds_stream_time_at_the_last_record_handled() -> None:
    lagging = progress(
        {"payments.v1": 10, "activations.v1": 50}, {"payments.v1": 10, "activations.v1": 5}
    )
    assert lagging.seen_through(0, NOW) == EPOCH

    handled_at = NOW - timedelta(minutes=30)
    lagging.handled("activations.v1", 0, 20, handled_at.timestamp())
    assert lagging.seen_through(0, NOW) == handled_at

    lagging.handled("activations.v1", 0, 49, NOW.timestamp())
    assert lagging.seen_through(0, NOW) == NOW


def test_an_unknown_end_is_not_taken_for_caught_up() -> None:
    unknown = progress(
        {"payments.v1": None, "activations.v1": 0}, {"payments.v1": 3, "activations.v1": 0}
    )

    assert unknown.seen_through(1, NOW) == EPOCH


def test_the_sweep_asks_once_for_each_due_payment_and_again_if_it_stays_due() -> None:
    clock = [0.0]
    sweeper = Sweeper(resend_after=2.0, monotonic=lambda: clock[0])
    table: list[tuple[str, dict[str, str | None]]] = [
        ("pay_due", {"next_check_at": (NOW - timedelta(seconds=1)).isoformat()}),
        ("pay_later", {"next_check_at": (NOW + timedelta(seconds=1)).isoformat()}),
        ("pay_idle", {"next_check_at": None}),
    ]

    assert sweeper.due(table, NOW) == ["pay_due"]
    clock[0] = 1.0
    assert sweeper.due(table, NOW) == []
    clock[0] = 3.5
    assert sweeper.due(table, NOW) == ["pay_due"]

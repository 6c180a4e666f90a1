"""Where `events tail` starts (`--since`) and which events it keeps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from contracts.envelope import Envelope
from contracts.events import CaseResolved
from payportal.selection import (
    EventFilter,
    FromBeginning,
    FromEnd,
    FromOffset,
    FromTime,
    parse_since,
)

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def test_without_since_following_starts_at_the_end_and_reading_at_the_beginning() -> None:
    assert parse_since(None, NOW, follow=True) == FromEnd()
    assert parse_since(None, NOW, follow=False) == FromBeginning()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-5m", FromTime(NOW - timedelta(minutes=5))),
        ("-30s", FromTime(NOW - timedelta(seconds=30))),
        ("-2h", FromTime(NOW - timedelta(hours=2))),
        ("-1d", FromTime(NOW - timedelta(days=1))),
        ("offset:0", FromOffset(0)),
        ("offset:42", FromOffset(42)),
        ("2026-05-01T10:00:00Z", FromTime(datetime(2026, 5, 1, 10, tzinfo=UTC))),
        ("2026-05-01T10:00:00", FromTime(datetime(2026, 5, 1, 10, tzinfo=UTC))),
        (
            "2026-05-01T14:00:00+04:00",
            FromTime(datetime(2026, 5, 1, 14, tzinfo=timezone(timedelta(hours=4)))),
        ),
    ],
)
def test_since_reads_times_relative_times_and_offsets(text: str, expected: object) -> None:
    assert parse_since(text, NOW, follow=True) == expected


@pytest.mark.parametrize("text", ["yesterday", "offset:x", "-5w", "5m"])
def test_a_since_it_cannot_read_says_what_it_accepts(text: str) -> None:
    with pytest.raises(ValueError, match="offset:N"):
        parse_since(text, NOW, follow=True)


def resolved(ticket: str, payment: str | None) -> Envelope:
    event = CaseResolved(ticket_id=ticket, payment_id=payment, resolution="ok", resolved_at=NOW)
    return Envelope.wrap(event, event_id="evt_01hzzzzzzzzzzzzzzzzzzzzzzz", source="/t", time=NOW)


def test_an_event_is_about_its_subject_or_the_payment_it_names() -> None:
    ticket, payment = "tkt_01hzzzzzzzzzzzzzzzzzzzzzzz", "pay_01hzzzzzzzzzzzzzzzzzzzzzzz"
    event = resolved(ticket, payment)

    assert EventFilter(about=ticket).keeps(event)
    assert EventFilter(about=payment).keeps(event)
    assert not EventFilter(about="pay_other").keeps(event)
    assert not EventFilter(about=payment).keeps(resolved(ticket, None))
    assert EventFilter(types=("case-resolved",)).keeps(event)
    assert not EventFilter(types=("case-opened",), about=payment).keeps(event)
    assert EventFilter().keeps(event)

"""`cases list` and `recon report`: the SLA left, the kinds and the money an ops person acts on."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from io import StringIO
from typing import Any

from rich.console import Console
from rich.table import Table

from contracts.envelope import Envelope
from contracts.ids import new_id
from payportal.cases import cases_json, cases_table, format_duration, open_cases
from payportal.recon import day_of_events, day_table, open_mismatches, open_mismatches_table

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def text_of(table: Table) -> str:
    out = StringIO()
    Console(file=out, width=200).print(table)
    return out.getvalue()


def ticket(ticket_id: str, opened_ago: timedelta, hours: int, **fields: Any) -> dict[str, Any]:
    opened = NOW - opened_ago
    return {
        "_id": ticket_id,
        "category": "reconciliation_mismatch",
        "state": "new",
        "opened_at": opened,
        "due_at": opened + timedelta(hours=hours),
        "facts": {},
        **fields,
    }


AUTOMATIC = ticket(
    "tkt_a",
    timedelta(minutes=30),
    24,
    mismatch_kind="debited_not_activated",
    payment_id="pay_a",
    facts={"kind": "debited_not_activated", "debited": "4.00 AZN"},
)
LATE = ticket("tkt_b", timedelta(hours=5), 4, category="payment_problem", state="assigned")
PAUSED = ticket("tkt_c", timedelta(hours=2), 4, category="other", state="waiting_for_customer")
CLOSED = ticket("tkt_d", timedelta(hours=1), 24, mismatch_kind="bank_only", state="resolved")


def test_open_cases_come_least_time_left_first_and_closed_ones_not_at_all() -> None:
    cases = open_cases([AUTOMATIC, CLOSED, PAUSED, LATE], NOW, None)

    assert [case.ticket_id for case in cases] == ["tkt_b", "tkt_c", "tkt_a"]
    lines = text_of(cases_table(cases)).splitlines()
    assert lines[1].split()[:3] == ["late", "1h", "0m"]
    assert lines[2].split()[:3] == ["2h", "0m", "(paused)"]
    assert lines[3].split()[:4] == ["23h", "30m", "tkt_a", "debited_not_activated"]
    assert lines[3].split()[-2:] == ["4.00", "AZN"]


def test_the_kind_filter_keeps_a_mismatch_kind_or_a_category() -> None:
    documents = [AUTOMATIC, LATE, PAUSED]
    assert [c.ticket_id for c in open_cases(documents, NOW, "debited_not_activated")] == ["tkt_a"]
    assert [c.ticket_id for c in open_cases(documents, NOW, "payment_problem")] == ["tkt_b"]
    assert open_cases(documents, NOW, "bank_only") == []


def test_json_gives_seconds_left_and_qepik() -> None:
    [late, automatic] = cases_json(open_cases([AUTOMATIC, LATE], NOW, None))

    assert automatic["sla_left_seconds"] == 23 * 3600 + 30 * 60
    assert (automatic["amount_qepik"], automatic["automatic"]) == (400, True)
    assert automatic["due_at"] == "2026-05-02T11:30:00.000Z"
    assert (late["sla_left_seconds"], late["amount_qepik"], late["automatic"]) == (
        -3600,
        None,
        False,
    )


def test_durations_show_their_two_largest_units() -> None:
    assert format_duration(timedelta(days=2, hours=3, minutes=4)) == "2d 3h"
    assert format_duration(timedelta(minutes=12, seconds=5)) == "12m 5s"
    assert format_duration(timedelta(seconds=40)) == "40s"
    assert format_duration(timedelta(seconds=-90)) == "1m 30s"


def test_open_mismatches_count_by_kind_with_the_oldest_age_and_the_amounts() -> None:
    older = ticket(
        "tkt_e",
        timedelta(hours=3),
        24,
        mismatch_kind="debited_not_activated",
        facts={"activated": "2.50 AZN"},
    )
    no_money = ticket("tkt_f", timedelta(minutes=5), 24, mismatch_kind="ours_only")
    cases = open_cases([AUTOMATIC, older, no_money, LATE], NOW, None)
    rows = open_mismatches(cases, NOW)

    assert [(r.kind, r.count, r.oldest, r.amount_qepik) for r in rows] == [
        ("debited_not_activated", 2, timedelta(hours=3), 650),
        ("ours_only", 1, timedelta(minutes=5), 0),
    ]
    text = text_of(open_mismatches_table(rows))
    assert "debited_not_activated  2     3h 0m   6.50 AZN" in text
    assert "ours_only              1     5m 0s   0.00 AZN (+1 without an amount)" in text


def event(event_type: str, kind: str, subject: str, at: datetime, **data: Any) -> Envelope:
    return Envelope(
        id=new_id("evt"),
        source="/reconciler",
        type=event_type,
        time=at,
        subject=subject,
        data={"payment_id": subject, "kind": kind, **data},
    )


def test_the_days_events_count_by_kind_once_each_with_their_amounts() -> None:
    bank_only = event("mismatch-detected", "bank_only", "pay_1", NOW, debited={"qepik": 777})
    events = [
        bank_only,
        bank_only,  # the settlement job run twice sends the same event id
        event("mismatch-detected", "debited_not_activated", "pay_2", NOW, debited={"qepik": 400}),
        event("mismatch-cleared", "debited_not_activated", "pay_2", NOW),
        event("mismatch-detected", "bank_only", "pay_3", NOW - timedelta(days=1)),  # yesterday
    ]
    rows = day_of_events(events, date(2026, 5, 1))

    assert [(r.kind, r.detected, r.cleared, r.amount_qepik) for r in rows] == [
        ("bank_only", 1, 0, 777),
        ("debited_not_activated", 1, 1, 400),
    ]
    lines = text_of(day_table(rows, date(2026, 5, 1))).splitlines()
    assert lines[0].strip() == "reconciliation.v1 on 2026-05-01 (UTC)"
    assert lines[2].split() == ["bank_only", "settlement", "1", "0", "7.77", "AZN"]
    assert lines[3].split() == ["debited_not_activated", "checks", "1", "1", "4.00", "AZN"]

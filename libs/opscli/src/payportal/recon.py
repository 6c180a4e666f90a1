"""`recon report`'s figures: open mismatches by kind and age, and one day of `reconciliation.v1`
(the continuous checks' and the settlement job's findings) by kind. Pure: cases and events in."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from rich.table import Table

from contracts.envelope import Envelope
from payportal.cases import OpenCase, format_duration, format_qepik

DETECTED = "mismatch-detected"
CLEARED = "mismatch-cleared"
# What `python -m reconciler settle` finds; the other kinds come from the continuous checks.
SETTLEMENT_KINDS = frozenset({"bank_only", "ours_only", "bank_amount_differs"})


@dataclass(frozen=True)
class OpenMismatches:
    kind: str
    count: int
    oldest: timedelta  # how long the oldest of them has been open
    amount_qepik: int  # the sum of the amounts their facts carry
    without_amount: int  # cases whose facts carry none


@dataclass
class DayOfKind:
    kind: str
    detected: int = 0
    cleared: int = 0
    amount_qepik: int = 0  # the sum of the detected mismatches' debited (or activated) amounts
    payments: set[str] = field(default_factory=set)

    @property
    def from_settlement(self) -> bool:
        return self.kind in SETTLEMENT_KINDS


def open_mismatches(cases: Iterable[OpenCase], now: datetime) -> list[OpenMismatches]:
    """The reconciler's open cases grouped by kind, the kind with the oldest case first."""
    by_kind: dict[str, list[OpenCase]] = {}
    for case in cases:
        if case.automatic:
            by_kind.setdefault(case.kind, []).append(case)
    rows = [
        OpenMismatches(
            kind=kind,
            count=len(group),
            oldest=now - min(case.opened_at for case in group),
            amount_qepik=sum(case.amount_qepik or 0 for case in group),
            without_amount=sum(case.amount_qepik is None for case in group),
        )
        for kind, group in by_kind.items()
    ]
    return sorted(rows, key=lambda row: (-row.oldest, row.kind))


def day_of_events(envelopes: Iterable[Envelope], day: date) -> list[DayOfKind]:
    """Detections and clearings of the UTC day, by kind (a repeated event id counts once)."""
    by_kind: dict[str, DayOfKind] = {}
    seen: set[str] = set()
    for envelope in envelopes:
        kind = envelope.data.get("kind")
        if envelope.id in seen or not isinstance(kind, str) or envelope.time.date() != day:
            continue
        seen.add(envelope.id)
        row = by_kind.setdefault(kind, DayOfKind(kind))
        if envelope.type == DETECTED:
            row.detected += 1
            row.amount_qepik += _amount(envelope.data)
            row.payments.add(envelope.subject)
        elif envelope.type == CLEARED:
            row.cleared += 1
    return sorted(by_kind.values(), key=lambda row: row.kind)


def _amount(data: dict[str, object]) -> int:
    for name in ("debited", "activated"):
        money = data.get(name)
        if isinstance(money, dict) and isinstance(money.get("qepik"), int):
            return int(money["qepik"])
    return 0


def open_mismatches_table(rows: Sequence[OpenMismatches]) -> Table:
    table = Table("kind", "open", "oldest", "amount", box=None, title="open mismatches")
    table.title_justify = "left"
    for row in rows:
        amount = format_qepik(row.amount_qepik)
        if row.without_amount:
            amount += f" (+{row.without_amount} without an amount)"
        table.add_row(row.kind, str(row.count), format_duration(row.oldest), amount)
    return table


def day_table(rows: Sequence[DayOfKind], day: date) -> Table:
    title = f"reconciliation.v1 on {day.isoformat()} (UTC)"
    table = Table("kind", "from", "detected", "cleared", "amount", box=None, title=title)
    table.title_justify = "left"
    for row in rows:
        source = "settlement" if row.from_settlement else "checks"
        table.add_row(
            row.kind, source, str(row.detected), str(row.cleared), format_qepik(row.amount_qepik)
        )
    return table


def report_json(
    mismatches: Sequence[OpenMismatches], found: Sequence[DayOfKind], day: date
) -> dict[str, object]:
    """What `recon report --json` prints: ages in whole seconds, money in qəpik."""
    return {
        "open_mismatches": [
            {
                "kind": row.kind,
                "open": row.count,
                "oldest_seconds": int(row.oldest.total_seconds()),
                "amount_qepik": row.amount_qepik,
                "without_amount": row.without_amount,
            }
            for row in mismatches
        ],
        "day": day.isoformat(),
        "events": [
            {
                "kind": row.kind,
                "from": "settlement" if row.from_settlement else "checks",
                "detected": row.detected,
                "cleared": row.cleared,
                "amount_qepik": row.amount_qepik,
                "payments": sorted(row.payments),
            }
            for row in found
        ],
    }

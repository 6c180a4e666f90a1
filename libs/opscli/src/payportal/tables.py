"""Tables of `payments find`, `dead-letters list` and `lag`. Pure: rows in, Rich tables out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rich.table import Table

from payportal.lines import as_utc, format_time, format_value

Document = dict[str, Any]


def payments_table(payments: Sequence[Document]) -> Table:
    table = Table("created", "payment", "state", "service", "account", "total", box=None)
    for payment in payments:
        total = payment.get("total_qepik")
        table.add_row(
            _time(payment.get("created_at")),
            str(payment["_id"]),
            str(payment.get("state", "-")),
            str(payment.get("service_id", "-")),
            str(payment.get("account", "-")),
            format_value({"qepik": total}) if isinstance(total, int) else "-",
        )
    return table


def dead_letters_table(letters: Sequence[Document]) -> Table:
    table = Table("parked", "id", "service", "topic", "type", "subject", "error", "replayed")
    table.box = None
    for letter in letters:
        envelope = letter.get("envelope") or {}
        table.add_row(
            _time(letter.get("parked_at")),
            str(letter["_id"]),
            str(letter.get("service", "-")),
            str(letter.get("topic", "-")),
            str(envelope.get("type", "(not a CloudEvent)")),
            str(envelope.get("subject", "-")),
            format_value(str(letter.get("error", ""))),
            _time(letter.get("replayed_at")),
        )
    return table


@dataclass(frozen=True, order=True)
class PartitionLag:
    group: str
    topic: str
    partition: int
    committed: int | None  # None: the group never committed on this partition
    end: int

    @property
    def lag(self) -> int | None:
        return None if self.committed is None else max(self.end - self.committed, 0)


def lag_table(rows: Sequence[PartitionLag]) -> Table:
    table = Table("group", "topic", "partition", "committed", "end", "lag", box=None)
    for row in sorted(rows):
        lag = row.lag
        table.add_row(
            row.group,
            row.topic,
            str(row.partition),
            "-" if row.committed is None else str(row.committed),
            str(row.end),
            "-" if lag is None else str(lag),
            style="red" if lag else "",
        )
    return table


def outbox_table(rows: Sequence[tuple[str, str, int, datetime | None]], now: datetime) -> Table:
    """(database, collection, documents with unsent events, oldest unsent event's time)."""
    table = Table("database", "collection", "pending documents", "oldest unsent", box=None)
    for database, collection, pending, oldest in rows:
        age = "-" if oldest is None else f"{(now - as_utc(oldest)).total_seconds():.1f}s ago"
        table.add_row(database, collection, str(pending), age, style="yellow" if pending else "")
    return table


def _time(value: Any) -> str:
    return format_time(as_utc(value)) if value else "-"

"""The providers' daily registry of accepted payments (реестр платежей), as billers send it to
the aggregator for reconciliation: one row per payment completed that UTC day, a total line, and
the file signed with the provider's key. Injected faults make the provider's books disagree
with ours (a row left out, a stranger added, an amount altered); the file stays consistent."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from pydantic import BaseModel, ConfigDict, Field

from sandboxes.providers.store import Transaction, TxnState

COLUMNS = ("txn_id", "prv_txn", "service_id", "account", "sum", "txn_date")
SEPARATOR = ";"


class AddedRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    txn_id: str = Field(min_length=1, max_length=64)
    service_id: str = Field(min_length=1, max_length=64)
    account: str = Field(min_length=1, max_length=64)
    amount_qepik: int = Field(gt=0)
    at: datetime | None = None  # when the provider claims it was paid; now if left out


class RegistryFaults(BaseModel):
    """`drop`: txn ids the registry leaves out; `add`: rows for payments nobody made;
    `alter`: txn id → the amount the registry claims instead."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    drop: frozenset[str] = frozenset()
    add: tuple[AddedRow, ...] = ()
    alter: dict[str, int] = {}


@dataclass(frozen=True)
class RegistryRow:
    txn_id: str
    provider_reference: str
    service_id: str
    account: str
    amount_qepik: int
    at: datetime


def registry_rows(
    day: date, transactions: Iterable[Transaction], faults: RegistryFaults, now: float
) -> list[RegistryRow]:
    """Payments completed by `now` whose completion fell on `day` (UTC), faults applied."""
    rows = [
        RegistryRow(
            txn.txn_id,
            txn.provider_reference or "",
            txn.service_id,
            txn.account,
            faults.alter.get(txn.txn_id, txn.amount_qepik),
            datetime.fromtimestamp(txn.complete_at, UTC),
        )
        for txn in transactions
        if txn.state(now) is TxnState.COMPLETED and txn.txn_id not in faults.drop
    ]
    stamp = datetime.fromtimestamp(now, UTC)
    rows += (
        RegistryRow(
            added.txn_id,
            f"PRV9{index:05d}",
            added.service_id,
            added.account,
            added.amount_qepik,
            (added.at or stamp).astimezone(UTC),
        )
        for index, added in enumerate(faults.add, start=1)
    )
    return sorted((row for row in rows if row.at.date() == day), key=lambda row: row.at)


def registry_csv(rows: list[RegistryRow]) -> str:
    lines = [SEPARATOR.join(COLUMNS)]
    lines += (
        SEPARATOR.join(
            (
                row.txn_id,
                row.provider_reference,
                row.service_id,
                row.account,
                format_sum(row.amount_qepik),
                row.at.isoformat(),
            )
        )
        for row in rows
    )
    total = sum(row.amount_qepik for row in rows)
    lines.append(SEPARATOR.join(("total", str(len(rows)), format_sum(total))))
    return "\r\n".join(lines) + "\r\n"


def format_sum(qepik: int) -> str:
    """Two decimals, as in the OSMP protocol's `sum`."""
    return f"{qepik // 100}.{qepik % 100:02d}"


def registry_signature(secret: str, timestamp: str, body: bytes) -> str:
    """`hex(HMAC-SHA256(provider_secret, "{timestamp}.{body}"))`, sent as `X-Signature`."""
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()

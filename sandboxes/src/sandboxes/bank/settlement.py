"""The day's settlement report: every debit and refund of one UTC day, as CSV (issue 4)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sandboxes.bank.store import Refund
from sandboxes.bank.transaction import Transaction

COLUMNS = ("order_id", "bank_reference", "type", "amount_qepik", "currency", "occurred_at")


@dataclass(frozen=True)
class SettlementRow:
    order_id: str
    bank_reference: str
    type: str
    amount_qepik: int
    currency: str
    occurred_at: datetime


def settlement_rows(
    day: date, transactions: Iterable[Transaction], refunds: Iterable[Refund]
) -> list[SettlementRow]:
    """Debits at the amount charged (each booking of it: an injected fault can book one twice); refunds carry their own `RF…` reference, amounts positive."""
    rows = [
        SettlementRow(
            transaction.order_id,
            reference,
            "debit",
            transaction.charged_qepik,
            transaction.currency,
            transaction.decided_at,
        )
        for transaction in transactions
        if transaction.status.moved_money
        and transaction.bank_reference is not None
        and transaction.decided_at is not None
        for reference in _bookings(transaction)
    ]
    rows += (
        SettlementRow(
            refund.order_id,
            refund.refund_reference,
            "refund",
            refund.amount_qepik,
            refund.currency,
            refund.occurred_at,
        )
        for refund in refunds
    )
    return sorted(
        (row for row in rows if row.occurred_at.astimezone(UTC).date() == day),
        key=lambda row: row.occurred_at,
    )


def _bookings(transaction: Transaction) -> list[str]:
    second = transaction.second_booking_reference
    return [ref for ref in (transaction.bank_reference, second) if ref is not None]


def settlement_csv(rows: Iterable[SettlementRow]) -> str:
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(
            (
                row.order_id,
                row.bank_reference,
                row.type,
                row.amount_qepik,
                row.currency,
                row.occurred_at.isoformat(),
            )
        )
    return output.getvalue()

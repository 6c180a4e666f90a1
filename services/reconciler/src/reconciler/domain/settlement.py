"""The bank's settlement report of one day against our payments of that day: what differs.

Amounts are compared per order and per direction (debits, refunds), in qəpik, for the same UTC
day on both sides.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from contracts.events import MismatchKind
from contracts.money import Money


class Movement(StrEnum):
    DEBIT = "debit"
    REFUND = "refund"


@dataclass(frozen=True)
class BankRow:
    """One line of the report: `order_id,bank_reference,type,amount_qepik,currency,occurred_at`."""

    order_id: str
    bank_reference: str
    movement: Movement
    amount_qepik: int
    occurred_at: datetime


@dataclass(frozen=True)
class Settled:
    """Money moved for one order on the day, as one side saw it."""

    debited_qepik: int = 0
    refunded_qepik: int = 0

    def __str__(self) -> str:
        debited, refunded = Money(qepik=self.debited_qepik), Money(qepik=self.refunded_qepik)
        return f"debited {debited}, refunded {refunded}"

    def plus(self, movement: Movement, amount_qepik: int) -> Settled:
        if movement is Movement.DEBIT:
            return Settled(self.debited_qepik + amount_qepik, self.refunded_qepik)
        return Settled(self.debited_qepik, self.refunded_qepik + amount_qepik)


@dataclass(frozen=True)
class Discrepancy:
    order_id: str
    kind: MismatchKind
    bank: Settled | None
    ours: Settled | None


def bank_totals(rows: Iterable[BankRow]) -> dict[str, Settled]:
    totals: dict[str, Settled] = {}
    for row in rows:
        totals[row.order_id] = totals.get(row.order_id, Settled()).plus(
            row.movement, row.amount_qepik
        )
    return totals


def debited_twice(rows: Iterable[BankRow]) -> frozenset[str]:
    """Orders the bank debited in two transactions (two references): our payments debit once."""
    references: dict[str, set[str]] = {}
    for row in rows:
        if row.movement is Movement.DEBIT:
            references.setdefault(row.order_id, set()).add(row.bank_reference)
    return frozenset(order for order, seen in references.items() if len(seen) > 1)


def compare(
    bank: Mapping[str, Settled],
    ours: Mapping[str, Settled],
    known: frozenset[str],
    twice: frozenset[str] = frozenset(),
) -> list[Discrepancy]:
    """`ours` holds what our events say moved that day; `known` every order we have any event of;
    `twice` the orders the bank debited twice.

    A stranger at the bank is `bank_only`; silence at the bank about money we moved is
    `ours_only`; a payment of ours debited in two bank transactions is `debited_twice`;
    otherwise the net amounts (debited - refunded) must agree, so a late debit the bank
    refunded the same day, which we never booked, is no discrepancy.
    """
    found = []
    for order_id in sorted(bank.keys() | ours.keys()):
        at_bank, at_ours = bank.get(order_id), ours.get(order_id)
        if at_ours is None and order_id not in known:
            kind = MismatchKind.BANK_ONLY
        elif at_bank is None:
            kind = MismatchKind.OURS_ONLY
        elif order_id in twice:
            kind = MismatchKind.DEBITED_TWICE
        elif _net(at_bank) != _net(at_ours):
            kind = MismatchKind.BANK_AMOUNT_DIFFERS
        else:
            continue
        found.append(Discrepancy(order_id, kind, at_bank, at_ours))
    return found


def _net(settled: Settled | None) -> int:
    return 0 if settled is None else settled.debited_qepik - settled.refunded_qepik

"""The bank's books, in memory: sessions by order, refunds, callbacks and what was delivered."""

from __future__ import annotations

import json
import secrets
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sandboxes.bank.cards import DeclineReason
from sandboxes.bank.clock import Clock
from sandboxes.bank.transaction import BankConflict, Transaction


@dataclass(frozen=True)
class SessionRequest:
    order_id: str
    amount_qepik: int
    currency: str
    description: str
    return_url: str
    callback_url: str
    language: str


@dataclass(frozen=True)
class Refund:
    refund_id: str
    order_id: str
    amount_qepik: int
    currency: str
    refund_reference: str
    occurred_at: datetime


@dataclass(frozen=True)
class CallbackEvent:
    """One outcome told to checkout. Its body is fixed once, so retries and replays match."""

    event_id: str
    order_id: str
    callback_url: str
    body: bytes


@dataclass
class DebitFaults:
    """Injected at the card's debit: every debit takes `overcharge_qepik` more than asked while it
    is set, and the next `double_bookings` debits are booked twice in the settlement report."""

    overcharge_qepik: int = 0
    double_bookings: int = 0


def _digits(count: int) -> str:
    return str(secrets.randbelow(10**count)).zfill(count)


class BankStore:
    def __init__(self, clock: Clock, session_seconds: int) -> None:
        self.clock = clock
        self._session_lifetime = timedelta(seconds=session_seconds)
        self._by_order: dict[str, Transaction] = {}
        self._by_session: dict[str, Transaction] = {}
        self._refunds: dict[str, Refund] = {}
        self._last_callback: dict[str, CallbackEvent] = {}
        self._delivered: Counter[str] = Counter()
        self.debit_faults = DebitFaults()

    def open_session(self, request: SessionRequest) -> tuple[Transaction, bool]:
        """The order's session and whether it was created now; the same order keeps its session."""
        existing = self._by_order.get(request.order_id)
        if existing is not None:
            if existing.amount_qepik != request.amount_qepik:
                raise BankConflict(
                    "amount_mismatch",
                    f"order {request.order_id} was opened for {existing.amount_qepik} qəpik",
                )
            return self._current(existing), False
        transaction = Transaction(
            session_id=f"ses_{secrets.token_hex(12)}",
            expires_at=self.clock.now() + self._session_lifetime,
            **vars(request),
        )
        self._by_order[transaction.order_id] = transaction
        self._by_session[transaction.session_id] = transaction
        return transaction, True

    def by_order(self, order_id: str) -> Transaction | None:
        found = self._by_order.get(order_id)
        return None if found is None else self._current(found)

    def by_session(self, session_id: str) -> Transaction | None:
        found = self._by_session.get(session_id)
        return None if found is None else self._current(found)

    def decide(
        self, transaction: Transaction, decline_reason: DeclineReason | None, card_last4: str
    ) -> CallbackEvent:
        """Debits or declines the card and returns the callback that tells checkout."""
        reference = f"RRN{_digits(12)}"
        transaction.decide(decline_reason, card_last4, reference, self.clock.now())
        if decline_reason is None:
            self._apply_debit_faults(transaction)
        event_id = f"bev_{secrets.token_hex(12)}"
        body = json.dumps(transaction.callback_body(event_id), separators=(",", ":"))
        event = CallbackEvent(
            event_id, transaction.order_id, transaction.callback_url, body.encode()
        )
        self._last_callback[transaction.order_id] = event
        return event

    def _apply_debit_faults(self, transaction: Transaction) -> None:
        transaction.overcharge_qepik = self.debit_faults.overcharge_qepik
        if self.debit_faults.double_bookings > 0:
            self.debit_faults.double_bookings -= 1
            transaction.second_booking_reference = f"RRN{_digits(12)}"

    def refund(self, refund_id: str, order_id: str, amount_qepik: int) -> Refund | None:
        """The refund (the first answer again for a known `refund_id`); None for an unknown order."""
        earlier = self._refunds.get(refund_id)
        if earlier is not None:
            if (earlier.order_id, earlier.amount_qepik) != (order_id, amount_qepik):
                raise BankConflict(
                    "refund_id_reused",
                    f"refund {refund_id} was {earlier.amount_qepik} qəpik of {earlier.order_id}",
                )
            return earlier
        transaction = self.by_order(order_id)
        if transaction is None:
            return None
        transaction.refund(amount_qepik)
        refund = Refund(
            refund_id,
            order_id,
            amount_qepik,
            transaction.currency,
            f"RF{_digits(12)}",
            self.clock.now(),
        )
        self._refunds[refund_id] = refund
        return refund

    def transactions(self) -> Iterable[Transaction]:
        return self._by_order.values()

    def refunds(self) -> Iterable[Refund]:
        return self._refunds.values()

    def last_callback(self, order_id: str) -> CallbackEvent | None:
        return self._last_callback.get(order_id)

    def record_delivery(self, order_id: str) -> None:
        self._delivered[order_id] += 1

    def ledger(self, order_id: str) -> dict[str, int]:
        """Money moved for the order and callbacks checkout accepted; zeros if never seen."""
        transaction = self._by_order.get(order_id)
        return {
            "debits": _bookings(transaction),
            "refunds": sum(1 for refund in self._refunds.values() if refund.order_id == order_id),
            "callbacks_delivered": self._delivered[order_id],
        }

    def _current(self, transaction: Transaction) -> Transaction:
        transaction.expire_if_due(self.clock.now())
        return transaction


def _bookings(transaction: Transaction | None) -> int:
    if transaction is None or not transaction.status.moved_money:
        return 0
    return 2 if transaction.second_booking_reference else 1

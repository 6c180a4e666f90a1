"""What the providers remember: transactions by (service_id, txn_id), pay calls, faults."""

from __future__ import annotations

import itertools
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from sandboxes.providers.accounts import account_problem, amount_problem
from sandboxes.providers.codes import ResultCode
from sandboxes.providers.faults import Faults, InjectedFailure, take_pay_failure

Clock = Callable[[], float]  # unix seconds
TxnKey = tuple[str, str]  # (service_id, txn_id)


class TxnState(StrEnum):
    COMPLETED = "completed"
    PENDING = "pending"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Transaction:
    service_id: str
    txn_id: str
    account: str
    amount_qepik: int
    provider_reference: str | None
    rejected_code: int | None
    complete_at: float

    def state(self, now: float) -> TxnState:
        if self.rejected_code is not None:
            return TxnState.REJECTED
        return TxnState.PENDING if now < self.complete_at else TxnState.COMPLETED

    def code(self, now: float) -> int:
        state = self.state(now)
        if state is TxnState.REJECTED:
            assert self.rejected_code is not None
            return self.rejected_code
        return ResultCode.IN_PROGRESS if state is TxnState.PENDING else ResultCode.OK


@dataclass
class ProviderStore:
    clock: Clock = time.time
    _transactions: dict[TxnKey, Transaction] = field(default_factory=dict)
    _pay_calls: Counter[TxnKey] = field(default_factory=Counter)
    _payments_recorded: Counter[TxnKey] = field(default_factory=Counter)
    _status_queries: Counter[TxnKey] = field(default_factory=Counter)
    _faults: dict[str, Faults] = field(default_factory=dict)
    _references: itertools.count[int] = field(default_factory=lambda: itertools.count(100001))

    def faults_for(self, service_id: str) -> Faults:
        return self._faults.get(service_id, Faults())

    def set_faults(self, service_id: str, faults: Faults) -> None:
        self._faults[service_id] = faults

    def clear_faults(self, service_id: str) -> None:
        self._faults.pop(service_id, None)

    def take_pay_failure(self, service_id: str) -> InjectedFailure | None:
        failure, remaining = take_pay_failure(self.faults_for(service_id))
        self._faults[service_id] = remaining
        return failure

    def count_pay_call(self, service_id: str, txn_id: str) -> None:
        self._pay_calls[service_id, txn_id] += 1

    def transactions(self) -> list[Transaction]:
        return list(self._transactions.values())

    def find(self, service_id: str, txn_id: str) -> Transaction | None:
        return self._transactions.get((service_id, txn_id))

    def status_query(self, service_id: str, txn_id: str) -> Transaction | None:
        """What a caller asking "did my payment go through?" is told; counted in the ledger."""
        self._status_queries[service_id, txn_id] += 1
        return self.find(service_id, txn_id)

    def pay(self, service_id: str, txn_id: str, account: str, amount_qepik: int) -> Transaction:
        """Pays once per txn_id; a repeat gets the transaction the first call made."""
        known = self.find(service_id, txn_id)
        if known is not None:
            return known
        refusal = (
            account_problem(account)
            or amount_problem(amount_qepik)
            or self.faults_for(service_id).reject_code
        )
        now = self.clock()
        transaction = Transaction(
            service_id=service_id,
            txn_id=txn_id,
            account=account,
            amount_qepik=amount_qepik,
            provider_reference=None if refusal else f"PRV{next(self._references)}",
            rejected_code=int(refusal) if refusal else None,
            complete_at=now + self.faults_for(service_id).complete_after_seconds,
        )
        self._transactions[service_id, txn_id] = transaction
        if refusal is None:
            self._payments_recorded[service_id, txn_id] += 1
        return transaction

    def ledger(self, service_id: str, txn_id: str) -> dict[str, int | str]:
        key = (service_id, txn_id)
        known = self._transactions.get(key)
        return {
            "pay_calls": self._pay_calls[key],
            "payments_recorded": self._payments_recorded[key],
            "status_queries": self._status_queries[key],
            "status": known.state(self.clock()).value if known else "not_found",
        }

"""In-memory stand-ins for unit tests: a clock that moves only when slept on, and a provider.

The fake provider behaves like a real one where it matters (a transaction id is paid at most
once; `status` knows only what was paid) and can be told to lose answers or be down.
"""

from __future__ import annotations

import asyncio
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from provider_gateway.adapters.base import (
    AccountInfo,
    AccountNotFoundError,
    PayOutcome,
    PayState,
    ProviderUnavailableError,
)


class FakeClock:
    def __init__(self, start: datetime = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)) -> None:
        self._now = start
        self.slept: list[float] = []

    def now(self) -> datetime:
        return self._now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.advance(max(seconds, 0.0))
        await asyncio.sleep(0)  # let other tasks run, as a real sleep would

    def advance(self, seconds: float) -> None:
        self._now += timedelta(seconds=seconds)


class Fault(StrEnum):
    DOWN = "down"  # no answer, nothing done
    LOST_ANSWER = "lost_answer"  # the payment is recorded, then the answer times out


@dataclass
class FakeProvider:
    clock: FakeClock
    payments: dict[str, int] = field(default_factory=dict)
    calls: list[tuple[str, str, datetime]] = field(default_factory=list)  # operation, service
    paid_accounts: dict[str, str] = field(default_factory=dict)
    pay_faults: deque[Fault] = field(default_factory=deque)
    status_faults: deque[Fault] = field(default_factory=deque)
    pending_answers: int = 0  # how many answers say "pending" before a paid one completes
    reject_code: str | None = None
    always_down: bool = False
    retry_after: float | None = None

    def operations(self) -> list[str]:
        return [operation for operation, _, _ in self.calls]

    async def lookup(self, service_id: str, account: str) -> AccountInfo:
        self.calls.append(("lookup", service_id, self.clock.now()))
        self._maybe_down(None)
        if account.endswith("404"):
            raise AccountNotFoundError(account)
        return AccountInfo(account, "A*** M***", balance_qepik=1240, min_qepik=50, max_qepik=20000)

    async def pay(
        self, service_id: str, transaction_id: str, account: str, amount_qepik: int
    ) -> PayOutcome:
        self.calls.append(("pay", service_id, self.clock.now()))
        fault = self.pay_faults.popleft() if self.pay_faults else None
        self._maybe_down(fault)
        if self.reject_code is not None:
            return PayOutcome(PayState.REJECTED, self.reject_code, "payment forbidden")
        self.payments.setdefault(transaction_id, amount_qepik)
        self.paid_accounts.setdefault(transaction_id, account)
        if fault is Fault.LOST_ANSWER:
            raise ProviderUnavailableError("no answer in time", timed_out=True)
        return self._answer(transaction_id)

    async def status(self, service_id: str, transaction_id: str) -> PayOutcome:
        self.calls.append(("status", service_id, self.clock.now()))
        self._maybe_down(self.status_faults.popleft() if self.status_faults else None)
        if transaction_id not in self.payments:
            return PayOutcome(PayState.NOT_FOUND, "300", "no such transaction")
        return self._answer(transaction_id)

    def _answer(self, transaction_id: str) -> PayOutcome:
        if self.pending_answers > 0:
            self.pending_answers -= 1
            return PayOutcome(PayState.PENDING, "90", "payment in progress")
        amount = self.payments[transaction_id]
        return PayOutcome(PayState.COMPLETED, "0", "OK", f"PRV-{transaction_id[-6:]}", amount)

    def _maybe_down(self, fault: Fault | None) -> None:
        if self.always_down or fault is Fault.DOWN:
            raise ProviderUnavailableError("connection refused", retry_after=self.retry_after)

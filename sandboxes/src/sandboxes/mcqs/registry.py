"""What the registry remembers: submissions by transaction id, registered IMEIs, injected faults."""

from __future__ import annotations

import itertools
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from sandboxes.mcqs.config import McqsSandboxSettings
from sandboxes.mcqs.faults import Faults
from sandboxes.mcqs.imeis import PRE_REGISTERED

Clock = Callable[[], float]  # unix seconds


class Status(StrEnum):
    PENDING = "pending"
    REGISTERED = "registered"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Submission:
    transaction_id: str
    imeis: tuple[str, ...]
    brand: str | None
    model: str | None
    fee_qepik: int | None
    reference: str
    submitted_at: float
    completes_at: float
    reject_code: str | None = None
    reject_reason: str | None = None

    def status(self, now: float) -> Status:
        if self.reject_code is not None:
            return Status.REJECTED
        return Status.REGISTERED if now >= self.completes_at else Status.PENDING


class ConflictError(Exception):
    """The transaction id was used before for other IMEIs."""


@dataclass
class McqsRegistry:
    settings: McqsSandboxSettings = field(default_factory=McqsSandboxSettings)
    clock: Clock = time.time
    _submissions: dict[str, Submission] = field(default_factory=dict)
    _submit_calls: Counter[str] = field(default_factory=Counter)
    _global: Faults = field(default_factory=Faults)
    _by_imei: dict[str, Faults] = field(default_factory=dict)
    _references: itertools.count[int] = field(default_factory=lambda: itertools.count(700001))

    def faults_for(self, imeis: tuple[str, ...]) -> Faults:
        own = [self._by_imei[imei] for imei in imeis if imei in self._by_imei]
        return own[0] if own else self._global

    def set_faults(self, faults: Faults, imei: str | None = None) -> None:
        if imei is None:
            self._global = faults
        else:
            self._by_imei[imei] = faults

    def clear_faults(self, imei: str | None = None) -> None:
        if imei is None:
            self._global = Faults()
        else:
            self._by_imei.pop(imei, None)

    def take_5xx(self, imeis: tuple[str, ...]) -> bool:
        """Whether this submission fails with 503 (and one fewer of the next ones will)."""
        faults = self.faults_for(imeis)
        if faults.errors_5xx == 0:
            return False
        remaining = faults.model_copy(update={"errors_5xx": faults.errors_5xx - 1})
        own = next((imei for imei in imeis if imei in self._by_imei), None)
        self.set_faults(remaining, own)
        return True

    def count_call(self, transaction_id: str) -> None:
        self._submit_calls[transaction_id] += 1

    def find(self, transaction_id: str) -> Submission | None:
        return self._submissions.get(transaction_id)

    def submit(
        self,
        transaction_id: str,
        imeis: tuple[str, ...],
        brand: str | None,
        model: str | None,
        fee_qepik: int | None,
    ) -> tuple[Submission, bool]:
        """Records a registration once per transaction id: (the submission, whether it is new)."""
        known = self._submissions.get(transaction_id)
        if known is not None:
            if known.imeis != imeis:
                raise ConflictError(transaction_id)
            return known, False
        now, faults = self.clock(), self.faults_for(imeis)
        code, reason = faults.reject_code, faults.reject_reason
        if code is None and any(self.holds(imei) for imei in imeis):
            code, reason = "already_registered", "The device is already registered."
        delay = faults.completion_seconds
        submission = Submission(
            transaction_id=transaction_id,
            imeis=imeis,
            brand=brand,
            model=model,
            fee_qepik=fee_qepik,
            reference=f"MCQS{next(self._references)}",
            submitted_at=now,
            completes_at=now + (self.settings.mcqs_completion_seconds if delay is None else delay),
            reject_code=code,
            reject_reason=reason if code else None,
        )
        self._submissions[transaction_id] = submission
        return submission, True

    def holds(self, imei: str) -> bool:
        """Registered, or on its way to be: a second registration of it is refused."""
        return self.imei_status(imei)[0] is not None

    def imei_status(self, imei: str) -> tuple[Status | None, str | None]:
        """(registered or pending or None, when it was registered)."""
        if imei in PRE_REGISTERED:
            return Status.REGISTERED, PRE_REGISTERED[imei]
        now = self.clock()
        for submission in self._submissions.values():
            status = submission.status(now)
            if imei in submission.imeis and status is not Status.REJECTED:
                at = iso(submission.completes_at) if status is Status.REGISTERED else None
                return status, at
        return None, None

    def ledger(self, transaction_id: str) -> dict[str, int | str]:
        known = self._submissions.get(transaction_id)
        return {
            "submit_calls": self._submit_calls[transaction_id],
            "registrations_recorded": int(known is not None and known.reject_code is None),
            "status": known.status(self.clock()).value if known else "not_found",
        }


def iso(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).isoformat()

"""What one activation is about and what it ended with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from provider_gateway.domain.calls import Call
from provider_gateway.domain.states import ActivationState


@dataclass(frozen=True)
class ActivationJob:
    payment_id: str
    service_id: str
    account: str
    amount_qepik: int
    deadline_at: datetime
    first_call: Call = Call.PAY  # STATUS when resuming: a pay may already have gone out
    correlation_id: str | None = None  # of the card-debited event; its outcome event carries it


@dataclass(frozen=True)
class ActivationResult:
    state: ActivationState
    code: str
    reason: str
    amount_qepik: int
    provider_reference: str | None = None


def failed_result(job: ActivationJob, code: str, reason: str) -> ActivationResult:
    return ActivationResult(ActivationState.FAILED, code or "unknown", reason, job.amount_qepik)

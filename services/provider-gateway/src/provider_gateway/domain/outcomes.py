"""What one activation is about, what it ended with, and the event that tells the others."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from contracts.events import ActivationFailed, EventData, ProviderActivated
from contracts.money import Money
from provider_gateway.domain.calls import Call
from provider_gateway.domain.states import ActivationState

MAX_CODE_LENGTH = 32
MAX_TEXT_LENGTH = 500
MAX_REFERENCE_LENGTH = 64


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


def outcome_event(
    payment_id: str, service_id: str, result: ActivationResult, at: datetime
) -> EventData:
    """`provider-activated` with what the provider confirmed, or `activation-failed` with its
    code and a plain reason."""
    if result.state is ActivationState.ACTIVATED:
        return ProviderActivated(
            payment_id=payment_id,
            service_id=service_id,
            amount=Money(qepik=result.amount_qepik),
            provider_transaction_id=(result.provider_reference or payment_id)[
                :MAX_REFERENCE_LENGTH
            ],
            activated_at=at,
        )
    return ActivationFailed(
        payment_id=payment_id,
        service_id=service_id,
        provider_code=result.code[:MAX_CODE_LENGTH],
        reason=result.reason[:MAX_TEXT_LENGTH],
        failed_at=at,
    )

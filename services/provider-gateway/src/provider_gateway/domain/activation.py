"""The activation aggregate: one per debited payment, its provider answers, its guarded outcome.

Transitions return a new activation with the event they caused appended (`pending_events`); the
repository stores both in one write, guarded by the state the transition started from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from contracts.events import ActivationFailed, EventData, ProviderActivated
from contracts.money import Money
from provider_gateway.domain.calls import Answer, Call
from provider_gateway.domain.outcomes import ActivationJob, ActivationResult
from provider_gateway.domain.states import ActivationState, TransitionRefusedError

MAX_CODE_LENGTH = 32
MAX_TEXT_LENGTH = 500
MAX_REFERENCE_LENGTH = 64


@dataclass(frozen=True)
class Activation:
    payment_id: str
    service_id: str
    account: str
    amount_qepik: int
    deadline_at: datetime
    started_at: datetime
    correlation_id: str | None = None  # of the card-debited event; its outcome event carries it
    state: ActivationState = ActivationState.IN_PROGRESS
    calls: int = 0
    last_answer: str | None = None
    last_answer_at: datetime | None = None
    last_call: Call | None = None
    last_state: Answer | None = None
    finished_at: datetime | None = None
    provider_code: str | None = None
    reason: str | None = None
    provider_reference: str | None = None
    activated_amount_qepik: int | None = None
    pending_events: tuple[EventData, ...] = field(default=(), compare=False)

    def resumed_job(self) -> ActivationJob:
        """The job that carries on from here: it asks `status` first, since a pay may have gone
        out before the earlier run stopped."""
        return ActivationJob(
            payment_id=self.payment_id,
            service_id=self.service_id,
            account=self.account,
            amount_qepik=self.amount_qepik,
            deadline_at=self.deadline_at,
            first_call=Call.STATUS,
            correlation_id=self.correlation_id,
        )

    def note_answer(self, call: Call, answer: Answer, description: str, at: datetime) -> Activation:
        """Keeps the latest provider answer, for specialists and for resuming."""
        return self._move(
            ActivationState.IN_PROGRESS,
            calls=self.calls + 1,
            last_answer=description[:MAX_TEXT_LENGTH],
            last_answer_at=at,
            last_call=call,
            last_state=answer,
        )

    def finish(self, result: ActivationResult, at: datetime) -> Activation:
        """The outcome, with `provider-activated` or `activation-failed` to tell the others."""
        moved = self._move(
            result.state,
            finished_at=at,
            provider_code=result.code[:MAX_CODE_LENGTH],
            reason=result.reason[:MAX_TEXT_LENGTH],
            provider_reference=result.provider_reference,
            activated_amount_qepik=result.amount_qepik,
        )
        return moved._with(moved._outcome_event(at))

    def _outcome_event(self, at: datetime) -> EventData:
        if self.state is ActivationState.ACTIVATED:
            confirmed = self.activated_amount_qepik
            reference = self.provider_reference or self.payment_id
            return ProviderActivated(
                payment_id=self.payment_id,
                service_id=self.service_id,
                amount=Money(qepik=self.amount_qepik if confirmed is None else confirmed),
                provider_transaction_id=reference[:MAX_REFERENCE_LENGTH],
                activated_at=at,
            )
        return ActivationFailed(
            payment_id=self.payment_id,
            service_id=self.service_id,
            provider_code=self.provider_code or "",
            reason=self.reason or "",
            failed_at=at,
        )

    def _move(self, wanted: ActivationState, **changes: Any) -> Activation:
        if self.state not in wanted.allowed_from():
            raise TransitionRefusedError(self.payment_id, self.state, wanted)
        return replace(self, state=wanted, **changes)

    def _with(self, event: EventData) -> Activation:
        return replace(self, pending_events=(*self.pending_events, event))


def open_activation(job: ActivationJob, now: datetime) -> Activation:
    """A new activation about to pay the provider."""
    return Activation(
        payment_id=job.payment_id,
        service_id=job.service_id,
        account=job.account,
        amount_qepik=job.amount_qepik,
        deadline_at=job.deadline_at,
        started_at=now,
        correlation_id=job.correlation_id,
    )


def refused_at_once(job: ActivationJob, result: ActivationResult, now: datetime) -> Activation:
    """An activation that failed before any call (e.g. a service we do not know)."""
    return open_activation(job, now).finish(result, now)

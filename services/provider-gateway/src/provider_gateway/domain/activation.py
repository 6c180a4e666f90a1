"""The activation aggregate: one per debited payment, its provider answers, its guarded outcome.

Transitions return a new activation with the event they caused appended (`pending_events`); the
repository stores both in one write, guarded by the state the transition started from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from contracts.events import ActivationUnknown, EventData, ProviderActivated
from provider_gateway.domain.calls import Answer, Call
from provider_gateway.domain.outcomes import (
    MAX_CODE_LENGTH,
    MAX_TEXT_LENGTH,
    ActivationJob,
    ActivationResult,
    outcome_event,
)
from provider_gateway.domain.states import ActivationState, TransitionRefusedError


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
    unknown_since: datetime | None = None
    checks: int = 0  # status queries on the schedule after the deadline
    # When unknown, the next scheduled `status`; None once the checks ran out: a person decides.
    next_check_at: datetime | None = None
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

    @property
    def waits_for_a_person(self) -> bool:
        return self.state is ActivationState.UNKNOWN and self.next_check_at is None

    def note_answer(self, call: Call, answer: Answer, description: str, at: datetime) -> Activation:
        """Keeps the latest provider answer, for specialists and for resuming."""
        return self._move(
            ActivationState.IN_PROGRESS,
            only_from=frozenset({ActivationState.IN_PROGRESS}),
            calls=self.calls + 1,
            **_answer_fields(call, answer, description, at),
        )

    def become_unknown(self, last_answer: str, next_check_at: datetime, at: datetime) -> Activation:
        """The deadline passed without a final answer: nothing is refunded, the provider is
        asked again at `next_check_at`, and the others are told so."""
        moved = self._move(
            ActivationState.UNKNOWN,
            only_from=frozenset({ActivationState.IN_PROGRESS}),
            unknown_since=at,
            next_check_at=next_check_at,
        )
        return moved._with(
            ActivationUnknown(
                payment_id=self.payment_id,
                service_id=self.service_id,
                last_answer=(last_answer or "no answer")[:MAX_TEXT_LENGTH],
                next_check_at=next_check_at,
                unknown_since=at,
            )
        )

    def checked_again(
        self, answer: Answer, description: str, next_check_at: datetime | None, at: datetime
    ) -> Activation:
        """A scheduled `status` that still did not tell; `next_check_at` None leaves it to a
        person."""
        return self._move(
            ActivationState.UNKNOWN,
            only_from=frozenset({ActivationState.UNKNOWN}),
            checks=self.checks + 1,
            calls=self.calls + 1,
            next_check_at=next_check_at,
            **_answer_fields(Call.STATUS, answer, description, at),
        )

    def finish(self, result: ActivationResult, at: datetime) -> Activation:
        """The outcome, with `provider-activated` or `activation-failed` to tell the others."""
        if not result.state.is_terminal():  # an unknown one is `become_unknown`, not an outcome
            raise ValueError(f"{result.state} is not an outcome")
        moved = self._move(
            result.state,
            finished_at=at,
            provider_code=result.code[:MAX_CODE_LENGTH],
            reason=result.reason[:MAX_TEXT_LENGTH],
            provider_reference=result.provider_reference,
            activated_amount_qepik=result.amount_qepik,
            next_check_at=None,
        )
        return moved._with(outcome_event(self.payment_id, self.service_id, result, at))

    def retry(self, deadline_at: datetime) -> Activation:
        """A person's retry of an unknown outcome: paying again from `status`, under the same
        transaction id, so the provider pays at most once."""
        return self._move(
            ActivationState.IN_PROGRESS,
            only_from=frozenset({ActivationState.UNKNOWN}),
            deadline_at=deadline_at,
            next_check_at=None,
        )

    def confirm_by_hand(self, reference: str, by_whom: str, at: datetime) -> Activation:
        """A supervisor read the provider's confirmation (`reference`) of an unknown outcome."""
        if self.state is not ActivationState.UNKNOWN:
            raise TransitionRefusedError(
                self.payment_id,
                self.state,
                ActivationState.ACTIVATED,
                frozenset({ActivationState.UNKNOWN}),
            )
        result = ActivationResult(
            ActivationState.ACTIVATED, "by_hand", by_whom, self.amount_qepik, reference
        )
        confirmed = self.finish(result, at)
        return confirmed._confirmed_by(by_whom)

    def _confirmed_by(self, by_whom: str) -> Activation:
        events = tuple(
            event.model_copy(update={"confirmed_by_hand": by_whom[:600]})
            if isinstance(event, ProviderActivated)
            else event
            for event in self.pending_events
        )
        return replace(self, pending_events=events)

    def _move(
        self,
        wanted: ActivationState,
        only_from: frozenset[ActivationState] | None = None,
        **changes: Any,
    ) -> Activation:
        """`only_from` narrows `allowed_from` for one transition into the state."""
        allowed = wanted.allowed_from() if only_from is None else only_from
        if self.state not in allowed:
            raise TransitionRefusedError(self.payment_id, self.state, wanted, allowed)
        return replace(self, state=wanted, **changes)

    def _with(self, event: EventData) -> Activation:
        return replace(self, pending_events=(*self.pending_events, event))


def _answer_fields(call: Call, answer: Answer, description: str, at: datetime) -> dict[str, Any]:
    return {
        "last_answer": description[:MAX_TEXT_LENGTH],
        "last_answer_at": at,
        "last_call": call,
        "last_state": answer,
    }


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

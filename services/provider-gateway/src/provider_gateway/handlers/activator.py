"""Paying the provider for one debited payment until it is activated, refused, or out of time."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from provider_gateway.adapters.base import (
    AccountNotFoundError,
    InvalidAccountError,
    PayOutcome,
    ProviderError,
    ProviderUnavailableError,
)
from provider_gateway.domain.calls import (
    Answer,
    Call,
    RetryPolicy,
    next_call,
    read_answer,
    waits_before_next_call,
)
from provider_gateway.domain.catalog import Service
from provider_gateway.domain.outcomes import ActivationJob, ActivationResult, failed_result
from provider_gateway.domain.provider_codes import plain_reason
from provider_gateway.domain.states import ActivationState
from provider_gateway.handlers.clock import Clock, RandomFraction
from provider_gateway.handlers.providers import Providers

DEADLINE_CODE = "deadline_exceeded"


@dataclass(frozen=True)
class _Reply:
    answer: Answer
    description: str
    retry_after: float = 0.0
    result: ActivationResult | None = None  # set when the answer ends the activation


AnswerNoted = Callable[[ActivationJob, Call, Answer, str], Awaitable[None]]


class Activator:
    def __init__(
        self,
        providers: Providers,
        policy: RetryPolicy,
        clock: Clock,
        random_fraction: RandomFraction,
        note_answer: AnswerNoted | None = None,
    ) -> None:
        self._providers = providers
        self._policy = policy
        self._clock = clock
        self._random = random_fraction
        self._note_answer = note_answer

    async def activate(self, job: ActivationJob, service: Service) -> ActivationResult:
        breaker = self._providers.breaker_for(service)
        call, waits, last = job.first_call, 0, "no answer yet"
        while (remaining := self._remaining(job)) > 0:
            now = self._clock.now()
            if not breaker.allows_call(now):
                await self._clock.sleep(
                    min((breaker.retry_at(now) - now).total_seconds(), remaining)
                )
                continue
            reply = await self._ask(service, job, call)
            if reply.answer is Answer.UNAVAILABLE:
                breaker.record_failure(self._clock.now())
            else:
                breaker.record_success()
            if reply.result is not None:
                return reply.result
            last = reply.description
            if self._note_answer is not None:
                await self._note_answer(job, call, reply.answer, last)
            call = next_call(reply.answer)
            if waits_before_next_call(reply.answer):
                waits += 1
                delay = max(self._policy.backoff_seconds(waits, self._random()), reply.retry_after)
                await self._clock.sleep(min(delay, self._remaining(job)))
        return await self._last_look(job, service, last)

    async def _last_look(self, job: ActivationJob, service: Service, last: str) -> ActivationResult:
        """At the deadline one more `status`, so a payment the provider did complete (or one
        resumed long after its deadline) is not reported as failed."""
        if self._providers.breaker_for(service).allows_call(self._clock.now()):
            reply = await self._ask(service, job, Call.STATUS)
            if reply.result is not None:
                return reply.result
            last = reply.description
        reason = (
            f"The provider did not confirm the payment before the deadline (last answer: {last})."
        )
        return failed_result(job, DEADLINE_CODE, reason)

    async def _ask(self, service: Service, job: ActivationJob, call: Call) -> _Reply:
        adapter = self._providers.adapter_for(service)
        try:
            if call is Call.PAY:
                outcome = await adapter.pay(
                    service.id, job.payment_id, job.account, job.amount_qepik
                )
            else:
                outcome = await adapter.status(service.id, job.payment_id)
        except (AccountNotFoundError, InvalidAccountError) as error:
            code = "5" if isinstance(error, AccountNotFoundError) else "4"
            failed = failed_result(job, code, plain_reason(code, str(error)))
            return _Reply(Answer.REJECTED, f"{call}: {error}", result=failed)
        except ProviderUnavailableError as error:
            return _Reply(
                Answer.UNAVAILABLE, f"{call}: unavailable ({error})", error.retry_after or 0
            )
        except ProviderError as error:  # an answer we cannot read: the outcome is unknown
            return _Reply(Answer.UNAVAILABLE, f"{call}: unreadable answer ({error})")
        answer = read_answer(call, Answer(outcome.state.value))
        description = f"{call}: {outcome.state} {outcome.code}".strip()
        if answer is Answer.COMPLETED:
            return _Reply(answer, description, result=self._activated(job, outcome))
        if answer is Answer.REJECTED:
            reason = plain_reason(outcome.code, outcome.message)
            return _Reply(answer, description, result=failed_result(job, outcome.code, reason))
        return _Reply(answer, description)

    def _remaining(self, job: ActivationJob) -> float:
        return (job.deadline_at - self._clock.now()).total_seconds()

    @staticmethod
    def _activated(job: ActivationJob, outcome: PayOutcome) -> ActivationResult:
        return ActivationResult(
            ActivationState.ACTIVATED,
            outcome.code,
            outcome.message,
            outcome.amount_qepik if outcome.amount_qepik is not None else job.amount_qepik,
            outcome.provider_reference or job.payment_id,
        )

"""Paying the provider for one debited payment until it is activated or refused, or its deadline
leaves the outcome unknown (then `handlers/unknown_checks.py` carries on)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from provider_gateway.domain.calls import (
    Answer,
    Call,
    RetryPolicy,
    next_call,
    waits_before_next_call,
)
from provider_gateway.domain.catalog import Service
from provider_gateway.domain.outcomes import ActivationJob, ActivationResult
from provider_gateway.domain.states import ActivationState
from provider_gateway.handlers.asking import ask, never_received
from provider_gateway.handlers.clock import Clock, RandomFraction
from provider_gateway.handlers.providers import Providers

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
            reply = await ask(self._providers, service, job, call)
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
        resumed long after its deadline) is not left unknown. Without a final answer the outcome
        is unknown, not failed: the provider may have been paid, so nothing is refunded and the
        unknown-outcome checks carry on."""
        if self._providers.breaker_for(service).allows_call(self._clock.now()):
            reply = await ask(self._providers, service, job, Call.STATUS)
            if reply.result is not None:
                return reply.result
            if reply.answer is Answer.NOT_FOUND:  # never paid, and no late pay now
                return never_received(job)
            last = reply.description
        return ActivationResult(ActivationState.UNKNOWN, "unknown", last, job.amount_qepik)

    def _remaining(self, job: ActivationJob) -> float:
        return (job.deadline_at - self._clock.now()).total_seconds()

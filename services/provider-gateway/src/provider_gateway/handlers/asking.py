"""One call to the provider, read into what the activation needs: the answer and, when it ends
the activation, the result."""

from __future__ import annotations

from dataclasses import dataclass

from provider_gateway.adapters.base import (
    AccountNotFoundError,
    InvalidAccountError,
    PayOutcome,
    ProviderError,
    ProviderUnavailableError,
)
from provider_gateway.domain.calls import Answer, Call, read_answer
from provider_gateway.domain.catalog import Service
from provider_gateway.domain.outcomes import ActivationJob, ActivationResult, failed_result
from provider_gateway.domain.provider_codes import plain_reason
from provider_gateway.domain.states import ActivationState
from provider_gateway.handlers.providers import Providers
from provider_gateway.metrics import PROVIDER_CALLS


@dataclass(frozen=True)
class Reply:
    answer: Answer
    description: str
    retry_after: float = 0.0
    result: ActivationResult | None = None  # set when the answer ends the activation


async def ask(providers: Providers, service: Service, job: ActivationJob, call: Call) -> Reply:
    reply = await _ask(providers, service, job, call)
    PROVIDER_CALLS.labels(service=service.id, call=call.value, answer=reply.answer.value).inc()
    return reply


async def _ask(providers: Providers, service: Service, job: ActivationJob, call: Call) -> Reply:
    adapter = providers.adapter_for(service)
    try:
        if call is Call.PAY:
            outcome = await adapter.pay(service.id, job.payment_id, job.account, job.amount_qepik)
        else:
            outcome = await adapter.status(service.id, job.payment_id)
    except (AccountNotFoundError, InvalidAccountError) as error:
        code = "5" if isinstance(error, AccountNotFoundError) else "4"
        failed = failed_result(job, code, plain_reason(code, str(error)))
        return Reply(Answer.REJECTED, f"{call}: {error}", result=failed)
    except ProviderUnavailableError as error:
        return Reply(Answer.UNAVAILABLE, f"{call}: unavailable ({error})", error.retry_after or 0)
    except ProviderError as error:  # an answer we cannot read: the outcome is unknown
        return Reply(Answer.UNAVAILABLE, f"{call}: unreadable answer ({error})")
    answer = read_answer(call, Answer(outcome.state.value))
    description = f"{call}: {outcome.state} {outcome.code}".strip()
    if answer is Answer.COMPLETED:
        return Reply(answer, description, result=_activated(job, outcome))
    if answer is Answer.REJECTED:
        reason = plain_reason(outcome.code, outcome.message)
        return Reply(answer, description, result=failed_result(job, outcome.code, reason))
    return Reply(answer, description)


def _activated(job: ActivationJob, outcome: PayOutcome) -> ActivationResult:
    return ActivationResult(
        ActivationState.ACTIVATED,
        outcome.code,
        outcome.message,
        outcome.amount_qepik if outcome.amount_qepik is not None else job.amount_qepik,
        outcome.provider_reference or job.payment_id,
    )


NEVER_RECEIVED_CODE = "deadline_exceeded"  # the code `activation-failed` always had for it


def never_received(job: ActivationJob) -> ActivationResult:
    """`status` says the provider never saw the transaction: nothing was paid, and after the
    deadline nothing will be (no late pay), so the money can go back."""
    return failed_result(
        job, NEVER_RECEIVED_CODE, "The provider never received the payment before the deadline."
    )

"""Moves a registration along with the registry: submit it, then poll it until it is decided.

We poll rather than wait for a callback: the registry only needs to answer, never to reach us,
and a registration whose poll failed is simply polled again later (docs/protocols.md §4).
"""

from __future__ import annotations

import logging
from datetime import datetime

from imei_registry.adapters.registry import (
    RegistryAnswer,
    RegistryRefusedError,
    RegistryUnavailableError,
)
from imei_registry.domain.backoff import backoff, next_poll
from imei_registry.domain.registration import Registration
from imei_registry.domain.states import RegistrationState
from imei_registry.handlers.context import ImeiRegistry
from servicekit.retry import LOST, Lost, until_written

log = logging.getLogger(__name__)
REFUSED_REQUEST = "The registry refused the registration request ({code}); nothing was registered."


async def advance(registry: ImeiRegistry, registration_id: str) -> None:
    """One step for a registration that is due: a submission or a poll, and its outcome saved.
    Both replicas' sweeps may step it at once: the registry's calls are idempotent by payment id,
    and a save that lost reads the registration again (usually decided, or not due any more)."""
    async with registry.registrations.lock(registration_id):
        await until_written(
            lambda: _step(registry, registration_id), f"registration {registration_id}"
        )


async def _step(registry: ImeiRegistry, registration_id: str) -> Lost | None:
    current = await registry.registrations.get(registration_id)
    now = registry.clock()
    if current is None or current.next_action_at is None or current.next_action_at > now:
        return None
    match current.state:
        case RegistrationState.SUBMITTING:
            after = await _submit(registry, current, now)
        case RegistrationState.PENDING:
            after = await _poll(registry, current, now)
        case _:
            return None
    return None if await registry.registrations.save(current, after) else LOST


async def _submit(registry: ImeiRegistry, current: Registration, now: datetime) -> Registration:
    try:
        answer = await registry.mcqs.submit(
            current.payment_id, current.imeis, current.brand, current.model, current.paid.qepik
        )
    except RegistryRefusedError as error:
        return current.reject(error.code, REFUSED_REQUEST.format(code=error.code), now)
    except RegistryUnavailableError as error:
        if now >= current.submit_deadline:
            log.error("registry unreachable for %s until the deadline: %s", current.id, error)
            return current.give_up(now)
        log.warning("registry unreachable for %s: %s; will retry", current.id, error)
        wait = backoff(current.attempts, registry.first_retry, registry.longest_retry)
        return current.retry_at(now + wait)
    return _settle(registry, current, answer, now)


async def _poll(registry: ImeiRegistry, current: Registration, now: datetime) -> Registration:
    try:
        answer = await registry.mcqs.status(current.payment_id)
        if answer is None:  # the registry lost it: hand it over again (idempotent by payment id)
            log.error("registry does not know %s; submitting it again", current.id)
            answer = await registry.mcqs.submit(
                current.payment_id, current.imeis, current.brand, current.model, current.paid.qepik
            )
    except (RegistryRefusedError, RegistryUnavailableError) as error:
        log.warning("status of %s not known yet: %s", current.id, error)
        answer = None
    if answer is None or answer.status == "pending":
        expected = answer.expected_by if answer else None
        return current.retry_at(
            next_poll(
                now, current.attempts + 1, expected, registry.first_retry, registry.longest_retry
            )
        )
    return _settle(registry, current, answer, now)


def _settle(
    registry: ImeiRegistry, current: Registration, answer: RegistryAnswer, now: datetime
) -> Registration:
    match answer.status:
        case "pending":
            poll_at = next_poll(
                now, 0, answer.expected_by, registry.first_retry, registry.longest_retry
            )
            return current.accept(answer.reference, now, poll_at)
        case "registered":
            return current.complete(answer.reference, answer.registered_at or now, now)
        case "rejected":
            code = answer.code or "rejected"
            reason = answer.reason or "The registry rejected the registration."
            return current.reject(code, reason, now)

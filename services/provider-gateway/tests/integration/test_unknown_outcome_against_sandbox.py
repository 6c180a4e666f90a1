"""An outcome still unknown at the deadline, against the real providers sandbox: `activation-unknown`
and no `activation-failed` (nothing to refund), then the scheduled checks hear the provider's
final word; a restart in between loses no check."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime

import httpx
import pytest
from aiokafka import AIOKafkaProducer

from contracts.envelope import Envelope
from provider_gateway.bootstrap import create_app
from provider_gateway.config import Settings
from servicekit.mongo import create_mongo_client

from .conftest import running
from .test_activation_against_sandbox import card_debited, faults, ledger, publish

pytestmark = pytest.mark.integration

ActivationLog = dict[str, list[Envelope]]
DEADLINE = 2.0
CHECK_EVERY = 2.0


def short_clocks(settings: Settings, checks: int = 6) -> Settings:
    """Settings with a 2 s deadline and a check every 2 s after it."""
    return settings.model_copy(
        update={
            "activation_deadline_seconds": DEADLINE,
            "unknown_check_schedule_seconds": (CHECK_EVERY,) * checks,
            "unknown_sweep_seconds": 0.2,
        }
    )


async def events_of(
    log: ActivationLog, payment_id: str, count: int, seconds: float = 40
) -> list[str]:
    """The types of the payment's first `count` activation events, once that many arrived."""
    async with asyncio.timeout(seconds):
        while True:
            if len(events := log.get(payment_id, [])) >= count:
                return [event.type for event in events]
            await asyncio.sleep(0.1)


async def test_pending_past_the_deadline_is_unknown_then_activated_when_the_provider_completes(
    gateway_settings: Callable[[], Settings],
    producer: AIOKafkaProducer,
    activation_log: ActivationLog,
    sandbox: httpx.AsyncClient,
) -> None:
    service = "azeronline"
    await faults(sandbox, service, complete_after_seconds=DEADLINE + 3)
    debited = card_debited(service, "1234567")
    try:
        async with running(create_app(short_clocks(gateway_settings()))):
            await publish(producer, debited)
            told = await events_of(activation_log, debited.subject, 2)
    finally:
        await faults(sandbox, service)
    assert told == ["activation-unknown", "provider-activated"]
    unknown = activation_log[debited.subject][0]
    assert unknown.data["last_answer"].endswith("pending 90")
    assert unknown.data["next_check_at"] > unknown.data["unknown_since"]
    assert await ledger(sandbox, service, debited.subject) == {
        "pay_calls": 1,
        "payments_recorded": 1,
        "status": "completed",
    }


async def test_silence_past_the_deadline_then_never_received_fails_it_with_nothing_paid(
    gateway_settings: Callable[[], Settings],
    producer: AIOKafkaProducer,
    activation_log: ActivationLog,
    sandbox: httpx.AsyncClient,
) -> None:
    service = "qlobalnet"
    # Every call waits past the client's 1 s timeout, and the pay is never recorded.
    await faults(sandbox, service, latency_ms=1500, timeouts=100)
    debited = card_debited(service, "1234567")
    try:
        async with running(create_app(short_clocks(gateway_settings()))):
            await publish(producer, debited)
            assert await events_of(activation_log, debited.subject, 1) == ["activation-unknown"]
            assert "unavailable" in activation_log[debited.subject][0].data["last_answer"]
            await faults(sandbox, service)  # the provider answers again: it never got the pay
            told = await events_of(activation_log, debited.subject, 2)
    finally:
        await faults(sandbox, service)
    assert told == ["activation-unknown", "activation-failed"]
    assert activation_log[debited.subject][1].data["provider_code"] == "deadline_exceeded"
    assert (await ledger(sandbox, service, debited.subject))["payments_recorded"] == 0


async def test_a_check_due_while_the_service_was_stopped_happens_after_it_starts_again(
    gateway_settings: Callable[[], Settings],
    producer: AIOKafkaProducer,
    activation_log: ActivationLog,
    sandbox: httpx.AsyncClient,
) -> None:
    service = "azersu"
    settings = short_clocks(gateway_settings())
    mongo = create_mongo_client(settings.mongo_url)
    activations = mongo[settings.database_name]["activations"]
    await faults(sandbox, service, complete_after_seconds=DEADLINE + 1)
    debited = card_debited(service, "20451234")
    try:
        async with running(create_app(settings)):
            await publish(producer, debited)
            await events_of(activation_log, debited.subject, 1)
        stopped = await activations.find_one({"_id": debited.subject})
        assert stopped is not None
        assert (stopped["state"], stopped["checks"]) == ("unknown", 0)  # stopped before a check
        due_in = stopped["next_check_at"] - datetime.now(UTC)
        await asyncio.sleep(due_in.total_seconds())  # the check falls due while nothing runs
        assert len(activation_log[debited.subject]) == 1

        async with running(create_app(settings)):
            told = await events_of(activation_log, debited.subject, 2)
    finally:
        await faults(sandbox, service)
        await mongo.close()
    assert told == ["activation-unknown", "provider-activated"]
    assert (await ledger(sandbox, service, debited.subject))["pay_calls"] == 1


async def test_checks_that_never_hear_a_final_word_leave_it_to_a_person(
    gateway_settings: Callable[[], Settings],
    producer: AIOKafkaProducer,
    activation_log: ActivationLog,
    sandbox: httpx.AsyncClient,
) -> None:
    service = "azlink"
    settings = short_clocks(gateway_settings(), checks=2)
    mongo = create_mongo_client(settings.mongo_url)
    activations = mongo[settings.database_name]["activations"]
    await faults(sandbox, service, complete_after_seconds=3600)
    debited = card_debited(service, "1234567")
    try:
        async with running(create_app(settings)):
            await publish(producer, debited)
            await events_of(activation_log, debited.subject, 1)
            async with asyncio.timeout(20):
                while True:
                    left = await activations.find_one({"_id": debited.subject})
                    if left is not None and left["checks"] == 2:
                        break
                    await asyncio.sleep(0.1)
    finally:
        await faults(sandbox, service)
        await mongo.close()
    assert left is not None
    assert (left["state"], left["next_check_at"]) == ("unknown", None)
    assert [event.type for event in activation_log[debited.subject]] == ["activation-unknown"]

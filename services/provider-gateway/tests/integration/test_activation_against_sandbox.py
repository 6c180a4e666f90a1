"""A `card-debited` on the real broker ends as one payment at the real providers sandbox and one
outcome on activations.v1, whatever the provider does on the way."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from aiokafka import AIOKafkaProducer
from fastapi import FastAPI

from contracts.envelope import Envelope, to_kafka
from contracts.events import CardDebited
from contracts.ids import new_id
from contracts.money import Money
from contracts.topics import Topic

pytestmark = pytest.mark.integration

ActivationLog = dict[str, list[Envelope]]


def card_debited(service_id: str, account: str, amount_qepik: int = 1050) -> Envelope:
    now = datetime.now(UTC)
    event = CardDebited(
        payment_id=new_id("pay"),
        service_id=service_id,
        account=account,
        amount=Money(qepik=amount_qepik),
        total=Money(qepik=amount_qepik),
        bank_reference="RRN000123",
        debited_at=now,
    )
    correlation = f"test-{event.payment_id[-8:]}"
    return Envelope.wrap(
        event, event_id=new_id("evt"), source="/checkout", time=now, correlation_id=correlation
    )


async def publish(producer: AIOKafkaProducer, envelope: Envelope) -> None:
    key, value, headers = to_kafka(envelope)
    await producer.send_and_wait(Topic.PAYMENTS.value, value=value, key=key, headers=headers)


async def outcome(log: ActivationLog, payment_id: str, seconds: float = 40) -> Envelope:
    async with asyncio.timeout(seconds):
        while True:
            if events := log.get(payment_id):
                return events[0]
            await asyncio.sleep(0.1)


async def ledger(sandbox: httpx.AsyncClient, service_id: str, payment_id: str) -> dict[str, Any]:
    """What the provider was paid; how often it was asked depends on the retries' timing."""
    response = await sandbox.get(f"/_control/ledger/{service_id}/{payment_id}")
    return {name: value for name, value in response.json().items() if name != "status_queries"}


async def faults(sandbox: httpx.AsyncClient, service_id: str, **injected: object) -> None:
    await sandbox.delete(f"/_control/faults/{service_id}")
    if injected:
        (await sandbox.put(f"/_control/faults/{service_id}", json=injected)).raise_for_status()


@pytest.mark.parametrize(
    ("service_id", "account"), [("azercell", "501234567"), ("bakcell", "551234567")]
)
async def test_a_debited_payment_is_activated_with_one_payment(
    gateway: FastAPI,
    producer: AIOKafkaProducer,
    activation_log: ActivationLog,
    sandbox: httpx.AsyncClient,
    service_id: str,
    account: str,
) -> None:
    debited = card_debited(service_id, account)
    await publish(producer, debited)
    activated = await outcome(activation_log, debited.subject)
    assert activated.type == "provider-activated"
    assert activated.data["amount"] == {"qepik": 1050, "currency": "AZN"}
    assert activated.data["provider_transaction_id"].startswith("PRV")
    assert activated.correlationid == debited.correlationid
    assert await ledger(sandbox, service_id, debited.subject) == {
        "pay_calls": 1,
        "payments_recorded": 1,
        "status": "completed",
    }


@pytest.mark.parametrize(
    ("service_id", "injected", "pay_calls"),
    [
        ("aile-net", {"timeouts": 1}, 2),  # hung before paying: status says never seen, pay again
        ("sazz", {"timeouts": 1}, 2),
        ("aile-net", {"unknown_outcome": 1}, 1),  # paid, then a 500: status finds it
        ("sazz", {"unknown_outcome": 1, "timeouts": 1}, 1),  # paid, then no answer at all
        ("cnc-az", {"errors_5xx": 3}, 4),
        ("uninet", {"complete_after_seconds": 2}, 1),  # pending, polled until completed
    ],
)
async def test_lost_and_late_answers_still_end_in_one_payment(
    gateway: FastAPI,
    producer: AIOKafkaProducer,
    activation_log: ActivationLog,
    sandbox: httpx.AsyncClient,
    service_id: str,
    injected: dict[str, object],
    pay_calls: int,
) -> None:
    await faults(sandbox, service_id, **injected)
    debited = card_debited(service_id, "1234567")
    try:
        await publish(producer, debited)
        activated = await outcome(activation_log, debited.subject)
    finally:
        await faults(sandbox, service_id)
    assert activated.type == "provider-activated"
    assert await ledger(sandbox, service_id, debited.subject) == {
        "pay_calls": pay_calls,
        "payments_recorded": 1,
        "status": "completed",
    }
    assert len(activation_log[debited.subject]) == 1


@pytest.mark.parametrize(("service_id", "code"), [("dataplus", 7), ("azdatacom", 79)])
async def test_a_provider_refusal_is_a_final_failure_with_its_code(
    gateway: FastAPI,
    producer: AIOKafkaProducer,
    activation_log: ActivationLog,
    sandbox: httpx.AsyncClient,
    service_id: str,
    code: int,
) -> None:
    await faults(sandbox, service_id, reject_code=code)
    debited = card_debited(service_id, "1234567")
    try:
        await publish(producer, debited)
        failed = await outcome(activation_log, debited.subject)
    finally:
        await faults(sandbox, service_id)
    assert failed.type == "activation-failed"
    assert failed.data["provider_code"] == str(code)
    assert failed.data["reason"].startswith("The ")
    assert (await ledger(sandbox, service_id, debited.subject))["payments_recorded"] == 0


async def test_the_same_debit_delivered_again_pays_once(
    gateway: FastAPI,
    producer: AIOKafkaProducer,
    activation_log: ActivationLog,
    sandbox: httpx.AsyncClient,
) -> None:
    debited = card_debited("nar", "701234567")
    # A redelivery (same event id) and a second event for the same payment (another id).
    again = debited.model_copy(update={"id": new_id("evt")})
    for envelope in (debited, debited, again):
        await publish(producer, envelope)
    await outcome(activation_log, debited.subject)
    await asyncio.sleep(2)  # time for the copies to arrive and be refused
    assert len(activation_log[debited.subject]) == 1
    assert (await ledger(sandbox, "nar", debited.subject))["pay_calls"] == 1


async def test_a_slow_provider_does_not_hold_up_other_payments(
    gateway: FastAPI,
    producer: AIOKafkaProducer,
    activation_log: ActivationLog,
    sandbox: httpx.AsyncClient,
) -> None:
    await faults(sandbox, "katv1-tv", complete_after_seconds=5)
    slow, quick = card_debited("katv1-tv", "20451234"), card_debited("aile-tv", "20451234")
    try:
        await publish(producer, slow)
        await publish(producer, quick)
        await outcome(activation_log, quick.subject, seconds=4)
        assert slow.subject not in activation_log
        assert (await outcome(activation_log, slow.subject)).type == "provider-activated"
    finally:
        await faults(sandbox, "katv1-tv")


async def test_a_service_missing_from_the_catalog_fails_at_once(
    gateway: FastAPI, producer: AIOKafkaProducer, activation_log: ActivationLog
) -> None:
    debited = card_debited("no-such-biller", "1234567")
    await publish(producer, debited)
    failed = await outcome(activation_log, debited.subject)
    assert (failed.type, failed.data["provider_code"]) == ("activation-failed", "unknown_service")

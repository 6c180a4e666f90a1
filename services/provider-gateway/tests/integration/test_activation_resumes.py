"""An activation cut off by a shutdown carries on when the service starts again, paying once."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import httpx
import pytest
from aiokafka import AIOKafkaProducer

from contracts.envelope import Envelope, to_kafka
from contracts.events import CardDebited
from contracts.ids import new_id
from contracts.money import Money
from contracts.topics import Topic
from provider_gateway.bootstrap import create_app
from provider_gateway.config import Settings
from servicekit.mongo import create_mongo_client

pytestmark = pytest.mark.integration

SERVICE = "azeristiliktechizat"  # REST family


def card_debited() -> Envelope:
    now = datetime.now(UTC)
    event = CardDebited(
        payment_id=new_id("pay"),
        service_id=SERVICE,
        account="20451234",
        amount=Money(qepik=4250),
        total=Money(qepik=4250),
        bank_reference="RRN000777",
        debited_at=now,
    )
    return Envelope.wrap(event, event_id=new_id("evt"), source="/checkout", time=now)


async def until(check: Callable[[], Awaitable[bool]], seconds: float = 30) -> None:
    async with asyncio.timeout(seconds):
        while True:
            if await check():
                return
            await asyncio.sleep(0.1)


async def test_an_activation_left_in_progress_resumes_on_start_and_pays_once(
    gateway_settings: Callable[[], Settings],
    producer: AIOKafkaProducer,
    activation_log: dict[str, list[Envelope]],
    sandbox: httpx.AsyncClient,
) -> None:
    settings = gateway_settings()
    mongo = create_mongo_client(settings.mongo_url)
    activations = mongo[settings.database_name]["activations"]
    debited = card_debited()
    await sandbox.put(f"/_control/faults/{SERVICE}", json={"complete_after_seconds": 6})
    try:
        first = create_app(settings)
        async with first.router.lifespan_context(first):
            key, value, headers = to_kafka(debited)
            await producer.send_and_wait(Topic.PAYMENTS.value, value, key, headers=headers)

            async def provider_said_pending() -> bool:
                document = await activations.find_one({"_id": debited.subject})
                return document is not None and document["calls"] >= 1

            await until(provider_said_pending)
        # Stopped while the provider still says "pending".
        stopped = await activations.find_one({"_id": debited.subject})
        assert stopped is not None and stopped["state"] == "in_progress"
        assert debited.subject not in activation_log

        second = create_app(settings)
        async with second.router.lifespan_context(second):

            async def outcome_published() -> bool:
                return debited.subject in activation_log

            await until(outcome_published)
    finally:
        await sandbox.delete(f"/_control/faults/{SERVICE}")
        await mongo.close()
    assert [event.type for event in activation_log[debited.subject]] == ["provider-activated"]
    ledger = (await sandbox.get(f"/_control/ledger/{SERVICE}/{debited.subject}")).json()
    assert {name: ledger[name] for name in ("pay_calls", "payments_recorded", "status")} == {
        "pay_calls": 1,
        "payments_recorded": 1,
        "status": "completed",
    }

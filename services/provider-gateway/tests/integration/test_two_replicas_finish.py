"""Two replicas running the same activation (both resumed it at start) end it at the same time:
only the first outcome is stored, and only one outcome event exists."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import cast

import pytest
from aiokafka import AIOKafkaProducer
from pymongo.asynchronous.collection import AsyncCollection

from contracts.ids import new_id
from devstack.stack import Stack
from provider_gateway.adapters.activation_repository import MongoActivationRepository
from provider_gateway.domain.activation import open_activation
from provider_gateway.domain.outcomes import ActivationJob, ActivationResult, failed_result
from provider_gateway.domain.schedule import CheckSchedule
from provider_gateway.domain.states import ActivationState
from provider_gateway.handlers.clock import SystemClock
from provider_gateway.handlers.recording import ActivationRecorder
from servicekit.locks import AggregateLocks
from servicekit.mongo import Document, create_mongo_client
from servicekit.outbox import OutboxRelay
from servicekit.store import AggregateStore

pytestmark = pytest.mark.integration


@pytest.fixture
async def activations(infrastructure: Stack) -> AsyncIterator[AsyncCollection[Document]]:
    client = create_mongo_client(infrastructure.mongo_url)
    database = client[f"provider_gateway_{uuid.uuid4().hex[:8]}"]
    yield database["activations"]
    await client.drop_database(database.name)
    await client.close()


def repository_of(collection: AsyncCollection[Document]) -> MongoActivationRepository:
    """One process's view: its own locks, the shared database."""
    locks = AggregateLocks()
    relay = OutboxRelay([collection], cast(AIOKafkaProducer, None), locks, 60.0)
    store = AggregateStore(collection, locks, relay, "/services/provider-gateway")
    return MongoActivationRepository(store, SystemClock().now, lambda: new_id("evt"))


def replica(collection: AsyncCollection[Document]) -> ActivationRecorder:
    return ActivationRecorder(repository_of(collection), SystemClock(), CheckSchedule((60,)))


async def opened(collection: AsyncCollection[Document], job: ActivationJob) -> None:
    assert await repository_of(collection).add(open_activation(job, datetime.now(UTC)))


async def test_only_the_first_outcome_of_two_replicas_is_stored_and_told(
    activations: AsyncCollection[Document],
) -> None:
    ours, theirs = replica(activations), replica(activations)
    job = ActivationJob(
        new_id("pay"), "azercell", "501234567", 1000, datetime.now(UTC) + timedelta(minutes=5)
    )
    await opened(activations, job)
    activated = ActivationResult(ActivationState.ACTIVATED, "0", "ok", 1000, "PRV-1")
    timed_out = failed_result(job, "deadline_exceeded", "no answer in time")

    stored_by_them = await theirs.finish(job, activated)
    assert stored_by_them
    assert not await ours.finish(job, timed_out)  # its guard finds the activation finished

    stored = await activations.find_one({"_id": job.payment_id})
    assert stored is not None
    assert stored["state"] == ActivationState.ACTIVATED.value
    assert [event["type"] for event in stored["outbox"]] == ["provider-activated"]


async def test_of_two_outcomes_written_at_once_exactly_one_is_stored(
    activations: AsyncCollection[Document],
) -> None:
    replicas = [replica(activations) for _ in range(6)]
    job = ActivationJob(
        new_id("pay"), "azercell", "501234567", 1000, datetime.now(UTC) + timedelta(minutes=5)
    )
    await opened(activations, job)
    outcomes = [
        ActivationResult(ActivationState.ACTIVATED, "0", "ok", 1000, f"PRV-{number}")
        for number in range(len(replicas))
    ]
    stored = await asyncio.gather(
        *(records.finish(job, outcome) for records, outcome in zip(replicas, outcomes, strict=True))
    )
    assert sorted(stored) == [False] * (len(replicas) - 1) + [True]
    winner = outcomes[stored.index(True)]
    document = await activations.find_one({"_id": job.payment_id})
    assert document is not None
    assert document["provider_reference"] == winner.provider_reference
    assert [event["type"] for event in document["outbox"]] == ["provider-activated"]


async def test_of_replicas_claiming_one_due_check_at_once_exactly_one_gets_it(
    activations: AsyncCollection[Document],
) -> None:
    now = datetime.now(UTC)
    job = ActivationJob(new_id("pay"), "azercell", "501234567", 1000, now)
    await opened(activations, job)
    repository = repository_of(activations)
    in_progress = await repository.get(job.payment_id)
    assert in_progress is not None
    unknown = in_progress.become_unknown("status: pending 90", now, now)
    assert await repository.save(in_progress, unknown)

    replicas = [repository_of(activations) for _ in range(6)]
    (due,) = await replicas[0].due_checks(datetime.now(UTC))
    lease_until = datetime.now(UTC) + timedelta(minutes=2)
    claimed = await asyncio.gather(*(each.claim_check(due, lease_until) for each in replicas))
    assert sorted(claimed) == [False] * (len(replicas) - 1) + [True]
    assert await replicas[0].due_checks(datetime.now(UTC)) == []  # leased: due again later
    stored = await activations.find_one({"_id": job.payment_id})
    assert stored is not None
    assert [event["type"] for event in stored["outbox"]] == ["activation-unknown"]

"""imei-registry's handlers against the real database (`infrastructure`) and the MCQS sandbox
served in-process; events stay in the registrations' outboxes, where the tests read them."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import AsyncIterator
from typing import cast

import httpx
import pytest
from aiokafka import AIOKafkaProducer
from fastapi import FastAPI
from pydantic import SecretStr
from pymongo import AsyncMongoClient

from devstack.stack import Stack
from imei_registry.adapters.data import load_directory, load_fee_table
from imei_registry.adapters.quotes import QuoteRepository
from imei_registry.adapters.registrations import COLLECTION, RegistrationRepository
from imei_registry.adapters.registry import McqsClient
from imei_registry.config import Settings
from imei_registry.handlers.context import ImeiRegistry
from sandboxes.mcqs.api import router
from sandboxes.mcqs.config import McqsSandboxSettings
from sandboxes.mcqs.control import router as control_router
from sandboxes.mcqs.registry import McqsRegistry
from servicekit.locks import AggregateLocks
from servicekit.mongo import Document
from servicekit.outbox import OutboxRelay
from servicekit.store import AggregateStore

from .parties import COMPLETION_SECONDS, SECRET, FakeClock, Mailbox

_serials = itertools.count(1)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def serials() -> itertools.count[int]:
    """Fresh IMEI serials across the session: the sandbox is new per test, the database not."""
    return _serials


@pytest.fixture
async def mcqs_http(clock: FakeClock) -> AsyncIterator[httpx.AsyncClient]:
    app = FastAPI()
    app.include_router(control_router)
    app.include_router(router)
    settings = McqsSandboxSettings(
        mcqs_secret=SecretStr(SECRET), mcqs_completion_seconds=COMPLETION_SECONDS
    )
    app.state.mcqs = McqsRegistry(settings, clock)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as client:
        yield client


@pytest.fixture
async def registry(
    infrastructure: Stack, clock: FakeClock, mcqs_http: httpx.AsyncClient
) -> AsyncIterator[ImeiRegistry]:
    client: AsyncMongoClient[Document] = AsyncMongoClient(infrastructure.mongo_url, tz_aware=True)
    database = client[f"imei_registry_{uuid.uuid4().hex[:8]}"]
    locks = AggregateLocks()
    collection = database[COLLECTION]
    # No producer runs: published events stay in the outbox, which is what the tests inspect.
    relay = OutboxRelay([collection], cast(AIOKafkaProducer, None), locks, 60.0)
    settings = Settings(registry_retry_seconds=1.0, registry_retry_max_seconds=60.0)
    yield ImeiRegistry(
        settings=settings,
        directory=load_directory(),
        fees=load_fee_table(),
        quotes=QuoteRepository(database),
        registrations=RegistrationRepository(
            AggregateStore(collection, locks, relay, "/services/imei-registry"), clock.moment
        ),
        mcqs=McqsClient(mcqs_http, "http://sandbox/mcqs", SECRET, clock),
        mailer=Mailbox(),
        clock=clock.moment,
        http=mcqs_http,
    )
    await client.drop_database(database.name)
    await client.close()

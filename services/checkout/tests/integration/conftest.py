"""Checkout's handlers against the real database (`infrastructure`) and the bank sandbox served in
this process; no producer runs, so the events stay in the payments' outboxes for the tests."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import cast

import httpx
import pytest
from aiokafka import AIOKafkaProducer
from fastapi import FastAPI

from checkout.adapters.bank import BankClient
from checkout.adapters.catalog import CatalogClient
from checkout.adapters.idempotency import IdempotencyKeys
from checkout.adapters.repository import COLLECTION, PaymentRepository
from checkout.config import Settings
from checkout.handlers.context import Checkout
from devstack.stack import Stack
from sandboxes.bank.api import router as bank_router
from sandboxes.bank.config import BankSettings
from sandboxes.bank.state import BankState
from servicekit.locks import AggregateLocks
from servicekit.mongo import create_mongo_client
from servicekit.outbox import OutboxRelay
from servicekit.store import AggregateStore

from .parties import FakeCatalog, Mailbox


@pytest.fixture
async def bank() -> AsyncIterator[BankState]:
    state = BankState.start(BankSettings())
    yield state
    await state.close()


@pytest.fixture
async def checkout(infrastructure: Stack, bank: BankState) -> AsyncIterator[Checkout]:
    app = FastAPI()
    app.include_router(bank_router)
    app.state.bank = bank
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://sandbox")
    client = create_mongo_client(infrastructure.mongo_url)
    database = client[f"checkout_{uuid.uuid4().hex[:8]}"]
    locks = AggregateLocks()
    relay = OutboxRelay([database[COLLECTION]], cast(AIOKafkaProducer, None), locks, 60.0)
    settings = Settings(bank_url="http://sandbox/bank")
    store = AggregateStore(database[COLLECTION], locks, relay, "/services/checkout")
    yield Checkout(
        settings=settings,
        payments=PaymentRepository(store, lambda: datetime.now(UTC)),
        keys=IdempotencyKeys(database["idempotency_keys"]),
        bank=BankClient(http, settings.bank_url, settings.bank_merchant_secret.get_secret_value()),
        catalog=cast(CatalogClient, FakeCatalog()),
        mailer=Mailbox(),
        bank_callbacks=database["bank_callbacks"],
        clock=lambda: datetime.now(UTC),
        http=http,
    )
    await http.aclose()
    await client.drop_database(database.name)
    await client.close()

"""Checkout's handlers and routes against the real database (`infrastructure`) and the bank sandbox,
both served in this process over ASGI: checkout calls the bank's signed merchant API, the bank
posts its signed callbacks to checkout's routes. No producer runs, so the events stay in the
payments' outboxes for the tests."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import cast

import httpx
import pytest
from aiokafka import AIOKafkaProducer
from fastapi import FastAPI

from checkout.adapters.bank import BankClient
from checkout.adapters.catalog import CatalogClient
from checkout.adapters.idempotency import IdempotencyKeys
from checkout.adapters.repository import COLLECTION, PaymentRepository
from checkout.bootstrap import add_routes
from checkout.config import Settings
from checkout.handlers.context import Checkout
from devstack.stack import Stack
from sandboxes.bank.api import router as bank_router
from sandboxes.bank.callbacks import CallbackSender
from sandboxes.bank.clock import SystemClock
from sandboxes.bank.config import BankSettings
from sandboxes.bank.state import BankState
from sandboxes.bank.store import BankStore
from servicekit.locks import AggregateLocks
from servicekit.mongo import create_mongo_client
from servicekit.outbox import OutboxRelay
from servicekit.problems import install_problem_handlers
from servicekit.store import AggregateStore

from .parties import CHECKOUT_URL, FakeCatalog, Mailbox, MovableClock


def asgi_client(app: FastAPI, base_url: str) -> httpx.AsyncClient:
    # An app's unexpected error answers 500 (as over a socket) instead of raising in the caller.
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url=base_url)


@pytest.fixture
def checkout_app() -> FastAPI:
    """Checkout's routes and problems as bootstrap wires them; `checkout` sets its context."""
    app = FastAPI()
    install_problem_handlers(app)
    add_routes(app)
    return app


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
async def bank(checkout_app: FastAPI) -> AsyncIterator[BankState]:
    """The bank sandbox, whose callbacks go to checkout's routes."""
    settings, bank_clock = BankSettings(), SystemClock()
    store = BankStore(bank_clock, settings.session_seconds)
    to_checkout = asgi_client(checkout_app, CHECKOUT_URL)
    callbacks = CallbackSender(store, to_checkout, settings.callback_secret, bank_clock)
    state = BankState(settings, bank_clock, store, callbacks, to_checkout)
    yield state
    await state.close()


@pytest.fixture
async def checkout(
    infrastructure: Stack, bank: BankState, checkout_app: FastAPI, clock: MovableClock
) -> AsyncIterator[Checkout]:
    app = FastAPI()
    app.include_router(bank_router)
    app.state.bank = bank
    http = asgi_client(app, "http://sandbox")
    client = create_mongo_client(infrastructure.mongo_url)
    database = client[f"checkout_{uuid.uuid4().hex[:8]}"]
    locks = AggregateLocks()
    relay = OutboxRelay([database[COLLECTION]], cast(AIOKafkaProducer, None), locks, 60.0)
    settings = Settings(
        bank_url="http://sandbox/bank", callback_url=f"{CHECKOUT_URL}/api/payments/bank-callbacks"
    )
    store = AggregateStore(database[COLLECTION], locks, relay, "/services/checkout")
    context = Checkout(
        settings=settings,
        payments=PaymentRepository(store, clock),
        keys=IdempotencyKeys(database["idempotency_keys"]),
        bank=BankClient(http, settings.bank_url, settings.bank_merchant_secret.get_secret_value()),
        catalog=cast(CatalogClient, FakeCatalog()),
        mailer=Mailbox(),
        bank_callbacks=database["bank_callbacks"],
        clock=clock,
        http=http,
    )
    checkout_app.state.context = context
    yield context
    await http.aclose()
    await client.drop_database(database.name)
    await client.close()


@pytest.fixture
async def api(checkout: Checkout, checkout_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A customer's (and the bank's) way in: checkout's HTTP API."""
    async with asgi_client(checkout_app, CHECKOUT_URL) as client:
        yield client

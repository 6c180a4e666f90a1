"""Fixtures for the bank sandbox: the app in-process (httpx.ASGITransport) and a real callback
receiver served by uvicorn on loopback (the bank's callbacks travel over real HTTP)."""

from __future__ import annotations

import asyncio
import secrets
import socket
from collections.abc import AsyncIterator

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from starlette.applications import Starlette
from starlette.routing import Route

from sandboxes.bank.api import router
from sandboxes.bank.config import BankSettings
from sandboxes.bank.state import BankState

from .parties import SANDBOX_URL, START, CallbackReceiver, Customer, FakeClock, Merchant


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def settings() -> BankSettings:
    return BankSettings(
        merchant_secret=secrets.token_hex(16),
        callback_secret=secrets.token_hex(16),
        session_seconds=900,
        sandbox_url=SANDBOX_URL,
    )


@pytest.fixture
async def bank(settings: BankSettings, clock: FakeClock) -> AsyncIterator[BankState]:
    state = BankState.start(settings, clock)
    yield state
    await state.close()


@pytest.fixture
async def http(bank: BankState) -> AsyncIterator[httpx.AsyncClient]:
    app = FastAPI()
    app.include_router(router)
    app.state.bank = bank
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=SANDBOX_URL) as client:
        yield client


@pytest.fixture(scope="session")
async def listening_receiver() -> AsyncIterator[CallbackReceiver]:
    receiver = CallbackReceiver()
    app = Starlette(
        routes=[Route("/api/payments/bank-callbacks", receiver.endpoint, methods=["POST"])]
    )
    config = uvicorn.Config(app, lifespan="off", log_config=None, log_level="warning")
    server = uvicorn.Server(config)
    # Listening before uvicorn starts: a callback sent meanwhile waits in the backlog.
    with socket.create_server(("127.0.0.1", 0)) as listening:
        port = listening.getsockname()[1]
        receiver.url = f"http://127.0.0.1:{port}/api/payments/bank-callbacks"
        serving = asyncio.create_task(server.serve(sockets=[listening]))
        yield receiver
        server.should_exit = True
        await serving


@pytest.fixture
def receiver(listening_receiver: CallbackReceiver) -> CallbackReceiver:
    """The receiver, emptied for this test (the bank fixture cancels deliveries at teardown)."""
    listening_receiver.received.clear()
    listening_receiver.answers.clear()
    return listening_receiver


@pytest.fixture
def merchant(
    http: httpx.AsyncClient, settings: BankSettings, clock: FakeClock, receiver: CallbackReceiver
) -> Merchant:
    return Merchant(http, settings.merchant_secret, clock, receiver.url)


@pytest.fixture
def customer(http: httpx.AsyncClient) -> Customer:
    return Customer(http)

"""Fixtures of provider-gateway's integration tests: the real providers sandbox as its own process,
the real broker and database (`infrastructure`), and provider-gateway itself in this process."""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import sys
import uuid
from collections.abc import AsyncIterator, Callable, Iterator

import httpx
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from fastapi import FastAPI

from contracts.envelope import Envelope, from_kafka
from contracts.topics import Topic
from devstack.apps import http_ok
from devstack.ports import free_port
from devstack.processes import ManagedProcess
from devstack.stack import Stack
from provider_gateway.bootstrap import create_app
from provider_gateway.config import Settings
from servicekit.kafka import create_producer
from servicekit.settings import Environment

PROVIDER_SECRET = secrets.token_hex(16)
SettingsFactory = Callable[[], Settings]
ActivationLog = dict[str, list[Envelope]]


@pytest.fixture(scope="session")
def provider_secret() -> str:
    """The secret the sandbox was started with: signed requests must use it."""
    return PROVIDER_SECRET


@pytest.fixture(scope="session")
def providers_sandbox_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sandboxes process (bank, providers, mail) on free ports, sharing our provider secret."""
    port = free_port()
    argv = [sys.executable, "-m", "uvicorn", "--factory", "sandboxes.app:create_app"]
    argv += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    sandbox = ManagedProcess(
        "sandboxes-for-provider-gateway",
        argv,
        tmp_path_factory.mktemp("provider-gateway-sandboxes") / "sandboxes.log",
        http_ok(f"http://127.0.0.1:{port}/healthz"),
        env={
            "PORTAL_SANDBOX_HTTP_PORT": str(port),
            "PORTAL_SANDBOX_SMTP_PORT": str(free_port()),
            "PORTAL_PROVIDER_SECRET": PROVIDER_SECRET,
        },
    )
    sandbox.start()
    try:
        sandbox.wait_ready(timeout=30)
        yield f"http://127.0.0.1:{port}/providers"
    finally:
        sandbox.stop()


@pytest.fixture(scope="session")
def gateway_settings(infrastructure: Stack, providers_sandbox_url: str) -> SettingsFactory:
    """Fresh settings each call: an own database and consumer group, short clocks."""

    def make() -> Settings:
        run = uuid.uuid4().hex[:8]
        return Settings(
            environment=Environment.TEST,
            service_name=f"provider-gateway-{run}",
            database=f"provider_gateway_{run}",
            mongo_url=infrastructure.mongo_url,
            kafka_bootstrap=infrastructure.kafka_bootstrap,
            outbox_sweep_seconds=0.5,
            providers_url=providers_sandbox_url,
            provider_secret=PROVIDER_SECRET,  # type: ignore[arg-type]
            provider_timeout_seconds=1.0,
            activation_deadline_seconds=30,
            backoff_initial_seconds=0.2,
            backoff_max_seconds=1.0,
            breaker_cooldown_seconds=2.0,
        )

    return make


@contextlib.asynccontextmanager
async def running(app: FastAPI) -> AsyncIterator[FastAPI]:
    """The app's own lifespan around the block, as uvicorn would run it."""
    async with app.router.lifespan_context(app):
        yield app


@pytest.fixture(scope="module")
async def gateway(gateway_settings: SettingsFactory) -> AsyncIterator[FastAPI]:
    async with running(create_app(gateway_settings())) as app:
        yield app


@pytest.fixture(scope="module")
async def catalog_api(gateway: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=gateway, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as client:
        yield client


@pytest.fixture(scope="module")
async def sandbox(providers_sandbox_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """The providers sandbox's own HTTP side: its test controls."""
    async with httpx.AsyncClient(base_url=providers_sandbox_url, trust_env=False) as client:
        yield client


@pytest.fixture(scope="module")
async def producer(infrastructure: Stack) -> AsyncIterator[AIOKafkaProducer]:
    kafka = create_producer(infrastructure.kafka_bootstrap, f"test-{uuid.uuid4().hex[:6]}")
    await kafka.start()
    try:
        yield kafka
    finally:
        await kafka.stop()


@pytest.fixture(scope="module")
async def activation_log(infrastructure: Stack) -> AsyncIterator[ActivationLog]:
    """Every event on activations.v1 from the start, by payment id, collected in the background."""
    log: ActivationLog = {}
    consumer = AIOKafkaConsumer(
        Topic.ACTIVATIONS.value,
        bootstrap_servers=infrastructure.kafka_bootstrap,
        group_id=None,
        auto_offset_reset="earliest",
    )
    await consumer.start()

    async def collect() -> None:
        async for record in consumer:
            envelope = from_kafka(list(record.headers), record.value or b"")
            log.setdefault(envelope.subject, []).append(envelope)

    task = asyncio.create_task(collect())
    try:
        yield log
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await consumer.stop()

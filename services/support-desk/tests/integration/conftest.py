"""Fixtures of support-desk's integration tests: the real broker and database (`infrastructure`),
the mail sandbox's real SMTP server in this process, and support-desk itself on a clock we move."""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from fastapi import FastAPI

from contracts.envelope import Envelope, to_kafka
from contracts.events import EventData, MismatchDetected, MismatchKind
from contracts.ids import new_id
from contracts.money import Money
from devstack.ports import free_port
from devstack.stack import Stack
from sandboxes.mail.mailbox import Mailbox
from sandboxes.mail.smtp import smtp_server
from servicekit.kafka import create_producer
from servicekit.settings import Environment
from support_desk.bootstrap import create_app
from support_desk.config import Settings
from support_desk.domain.cases import case_id_for
from support_desk.handlers.context import SupportDesk

SPECIALIST_PASSWORD = secrets.token_hex(12)
SUPERVISOR_PASSWORD = secrets.token_hex(12)


@dataclass
class Clock:
    """Now, as support-desk sees it; tests move it forward to watch SLA clocks run out."""

    now: datetime = field(default_factory=lambda: datetime.now(UTC))

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="session")
def mail_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def mailbox(mail_port: int) -> Iterator[Mailbox]:
    """The mail sandbox's SMTP server and what it received."""
    received = Mailbox()
    server = smtp_server(received, "127.0.0.1", mail_port)
    server.start()
    try:
        yield received
    finally:
        server.stop()


SettingsFactory = Callable[..., Settings]


@pytest.fixture(scope="session")
def desk_settings(infrastructure: Stack, mail_port: int) -> SettingsFactory:
    """Fresh settings each call (own database and consumer group unless told), fast sweeps."""

    def make(**overrides: object) -> Settings:
        run = uuid.uuid4().hex[:8]
        values: dict[str, object] = {
            "environment": Environment.TEST,
            "service_name": f"support-desk-{run}",
            "database": f"support_desk_{run}",
            "mongo_url": infrastructure.mongo_url,
            "kafka_bootstrap": infrastructure.kafka_bootstrap,
            "outbox_sweep_seconds": 0.5,
            "mail_sweep_seconds": 0.3,
            "smtp_port": mail_port,
            "support_jwt_secret": secrets.token_hex(16),
            "support_specialist_password": SPECIALIST_PASSWORD,
            "support_supervisor_password": SUPERVISOR_PASSWORD,
            "support_ops_password": secrets.token_hex(12),
        }
        return Settings.model_validate({**values, **overrides})

    return make


@contextlib.asynccontextmanager
async def running(app: FastAPI) -> AsyncIterator[FastAPI]:
    async with app.router.lifespan_context(app):
        yield app


def client_of(app: FastAPI) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://support-desk")


@pytest.fixture(scope="module")
def clock() -> Clock:
    return Clock()


@pytest.fixture(scope="module")
def move_clock(clock: Clock) -> Callable[[timedelta], datetime]:
    def move(delta: timedelta) -> datetime:
        clock.now += delta
        return clock.now

    return move


async def publish(bootstrap: str, *events: EventData) -> list[Envelope]:
    """Events on their topics as the reconciler would send them, each with a fresh event id."""
    producer = create_producer(bootstrap, f"test-{uuid.uuid4().hex[:6]}")
    await producer.start()
    try:
        envelopes = [
            Envelope.wrap(event, event_id=new_id("evt"), source="/test", time=datetime.now(UTC))
            for event in events
        ]
        for envelope in envelopes:
            key, value, headers = to_kafka(envelope)
            await producer.send_and_wait(envelope.topic(), value=value, key=key, headers=headers)
        return envelopes
    finally:
        await producer.stop()


def mismatch(payment_id: str | None = None) -> MismatchDetected:
    now = datetime.now(UTC)
    return MismatchDetected(
        payment_id=payment_id or new_id("pay"),
        kind=MismatchKind.DEBITED_NOT_ACTIVATED,
        service_id="azercell",
        account="501234567",
        debited=Money(qepik=1000),
        debited_at=now,
        deadline=now,
        detected_at=now,
    )


async def consuming(app: FastAPI, bootstrap: str) -> None:
    """Waits until the app's consumer has joined its group and handles events: a case opened
    through Kafka proves it (and an app closed while its consumer still joins leaks sockets)."""
    desk: SupportDesk = app.state.context
    detected = mismatch()
    await publish(bootstrap, detected)
    case_id = case_id_for(detected.payment_id, detected.kind.value)
    for _ in range(300):
        if await desk.tickets.get(case_id) is not None:
            return
        await asyncio.sleep(0.1)
    raise AssertionError("support-desk's consumer did not handle an event within 30 s")


StartDesk = Callable[..., contextlib.AbstractAsyncContextManager[FastAPI]]


@pytest.fixture(scope="session")
def start_desk(desk_settings: SettingsFactory, infrastructure: Stack) -> StartDesk:
    """Starts support-desk in this process (settings overridable) once its consumer works."""

    @contextlib.asynccontextmanager
    async def start(
        clock: Callable[[], datetime] = lambda: datetime.now(UTC), **overrides: object
    ) -> AsyncIterator[FastAPI]:
        async with running(create_app(desk_settings(**overrides), clock=clock)) as app:
            await consuming(app, infrastructure.kafka_bootstrap)
            yield app

    return start


@pytest.fixture(scope="session")
def new_mismatch() -> Callable[[], MismatchDetected]:
    return mismatch


@pytest.fixture(scope="module")
async def desk_app(start_desk: StartDesk, clock: Clock, mailbox: Mailbox) -> AsyncIterator[FastAPI]:
    async with start_desk(clock) as app:
        yield app


@pytest.fixture(scope="module")
async def api(desk_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with client_of(desk_app) as client:
        yield client


@pytest.fixture(scope="module")
def desk(desk_app: FastAPI) -> SupportDesk:
    context: SupportDesk = desk_app.state.context
    return context


SignIn = Callable[[str], Awaitable[dict[str, str]]]
NewLetter = Callable[..., dict[str, object]]


@pytest.fixture(scope="module")
def sign_in(api: httpx.AsyncClient) -> SignIn:
    """Headers of a signed-in staff member: aysel and rashad are specialists, leyla supervises."""

    async def headers(username: str) -> dict[str, str]:
        password = SUPERVISOR_PASSWORD if username == "leyla" else SPECIALIST_PASSWORD
        answer = await api.post(
            "/api/support/auth/token", data={"username": username, "password": password}
        )
        assert answer.status_code == 200, answer.text
        return {"Authorization": f"Bearer {answer.json()['access_token']}"}

    return headers


@pytest.fixture(scope="session")
def new_letter() -> NewLetter:
    """A contact-form letter from a fresh address, with any field changed."""

    def make(**changes: object) -> dict[str, object]:
        return {
            "first_name": "Aysel",
            "last_name": "Məmmədova",
            "email": f"aysel-{uuid.uuid4().hex[:8]}@example.az",
            "subject": "azercell",
            "message": "Kartdan 10 AZN çıxıb, balans artmayıb.",
            **changes,
        }

    return make

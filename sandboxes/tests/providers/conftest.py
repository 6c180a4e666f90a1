"""The providers sandbox in-process (httpx.ASGITransport), with a clock the tests move."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from pydantic import SecretStr

from sandboxes.providers.api import router
from sandboxes.providers.config import ProviderSandboxSettings
from sandboxes.providers.sandbox import ProviderSandbox
from sandboxes.providers.store import ProviderStore

SECRET = "test-provider-secret"
HANG_SECONDS = 0.3

RestCall = Callable[..., Awaitable[httpx.Response]]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_750_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def client(clock: FakeClock) -> AsyncIterator[httpx.AsyncClient]:
    settings = ProviderSandboxSettings(provider_secret=SecretStr(SECRET), hang_seconds=HANG_SECONDS)
    app = FastAPI()
    app.include_router(router)
    app.state.providers = ProviderSandbox(settings, ProviderStore(clock=clock))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as client:
        yield client


@pytest.fixture
def rest(client: httpx.AsyncClient, clock: FakeClock) -> RestCall:
    """Sends a REST-family request signed as provider-gateway would, unless told otherwise."""

    async def call(
        method: str,
        path: str,
        payload: dict[str, Any] | None = None,
        *,
        secret: str = SECRET,
        age_seconds: float = 0,
        sent_body: bytes | None = None,
    ) -> httpx.Response:
        body = b"" if payload is None else json.dumps(payload).encode()
        stamp = str(int(clock() - age_seconds))
        message = f"{stamp}.{method}.{path}.".encode() + body
        headers = {
            "X-Api-Key": "portal",
            "X-Timestamp": stamp,
            "X-Signature": hmac.new(secret.encode(), message, hashlib.sha256).hexdigest(),
        }
        content = body if sent_body is None else sent_body
        return await client.request(method, path, content=content, headers=headers)

    return call

"""The MCQS sandbox in-process (httpx.ASGITransport), with a clock the tests move."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from pydantic import SecretStr

from sandboxes.mcqs.api import router
from sandboxes.mcqs.config import McqsSandboxSettings
from sandboxes.mcqs.control import router as control_router
from sandboxes.mcqs.registry import McqsRegistry

from .helpers import COMPLETION_SECONDS, SECRET, Call, FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def client(clock: FakeClock) -> AsyncIterator[httpx.AsyncClient]:
    settings = McqsSandboxSettings(
        mcqs_secret=SecretStr(SECRET), mcqs_completion_seconds=COMPLETION_SECONDS
    )
    app = FastAPI()
    app.include_router(control_router)
    app.include_router(router)
    app.state.mcqs = McqsRegistry(settings, clock)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as client:
        yield client


@pytest.fixture
def mcqs(client: httpx.AsyncClient, clock: FakeClock) -> Call:
    """Sends a request signed as imei-registry would, unless told otherwise."""

    async def call(
        method: str,
        path: str,
        payload: dict[str, Any] | None = None,
        *,
        secret: str = SECRET,
        age_seconds: float = 0,
        client_id: str = "portal",
    ) -> httpx.Response:
        body = b"" if payload is None else json.dumps(payload).encode()
        stamp = str(int(clock() - age_seconds))
        message = f"{stamp}.{method}.{path}.".encode() + body
        headers = {
            "X-Client-Id": client_id,
            "X-Timestamp": stamp,
            "X-Signature": hmac.new(secret.encode(), message, hashlib.sha256).hexdigest(),
        }
        return await client.request(method, path, content=body, headers=headers)

    return call

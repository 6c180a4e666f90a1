"""Every answer carries a correlation id (the caller's, or a fresh one) and is counted by route."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI
from prometheus_client import REGISTRY

from servicekit.app import create_service_app
from servicekit.logs import correlation_id


@asynccontextmanager
async def no_lifespan(_: FastAPI) -> AsyncIterator[None]:
    yield


async def _ready() -> dict[str, bool]:
    return {}


def observed_app() -> FastAPI:
    app = create_service_app(
        title="t", api_prefix="/api/obs", lifespan=no_lifespan, readiness=lambda _: _ready
    )

    @app.get("/api/obs/things/{thing_id}")
    async def thing(thing_id: str) -> dict[str, str | None]:
        return {"id": thing_id, "correlation_id": correlation_id.get()}

    return app


async def get(path: str, headers: dict[str, str] | None = None) -> httpx.Response:
    transport = httpx.ASGITransport(app=observed_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        return await client.get(path, headers=headers)


async def test_the_callers_correlation_id_is_used_and_answered() -> None:
    response = await get("/api/obs/things/a1", {"X-Correlation-Id": "trace-42"})

    assert response.headers["x-correlation-id"] == "trace-42"
    assert response.json()["correlation_id"] == "trace-42"


async def test_a_missing_or_unprintable_correlation_id_is_replaced_by_a_fresh_one() -> None:
    fresh = await get("/api/obs/things/a1")
    bad = await get("/api/obs/things/a1", {"X-Correlation-Id": "x" * 65})

    assert len(fresh.headers["x-correlation-id"]) == 32
    assert fresh.json()["correlation_id"] == fresh.headers["x-correlation-id"]
    assert bad.headers["x-correlation-id"] != "x" * 65
    assert correlation_id.get() is None  # reset after the request


async def test_requests_are_counted_by_route_template_not_by_path() -> None:
    labels = {"method": "GET", "route": "/api/obs/things/{thing_id}", "status": "200"}
    before = REGISTRY.get_sample_value("http_requests_total", labels) or 0.0

    await get("/api/obs/things/p-1")
    await get("/api/obs/things/p-2")
    missing = await get("/api/obs/nothing")

    assert REGISTRY.get_sample_value("http_requests_total", labels) == before + 2
    unmatched = {"method": "GET", "route": "unmatched", "status": "404"}
    assert missing.status_code == 404
    assert (REGISTRY.get_sample_value("http_requests_total", unmatched) or 0) >= 1

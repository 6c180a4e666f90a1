"""A body over the limit is refused with a 413 problem, declared or streamed; smaller ones pass."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI
from pydantic import BaseModel

from servicekit.app import create_service_app


class Note(BaseModel):
    text: str


@asynccontextmanager
async def no_lifespan(_: FastAPI) -> AsyncIterator[None]:
    yield


def small_app() -> FastAPI:
    app = create_service_app(
        title="t",
        api_prefix="/api/t",
        lifespan=no_lifespan,
        readiness=lambda _: _ready,
        max_body_bytes=100,
    )

    @app.post("/api/t/notes")
    async def take(note: Note) -> dict[str, int]:
        return {"length": len(note.text)}

    return app


async def _ready() -> dict[str, bool]:
    return {}


async def post(content: bytes | AsyncIterator[bytes]) -> httpx.Response:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=small_app()), base_url="http://t"
    ) as client:
        return await client.post(
            "/api/t/notes", content=content, headers={"content-type": "application/json"}
        )


async def chunks(count: int) -> AsyncIterator[bytes]:
    yield b'{"text":"'
    for _ in range(count):
        yield b"x" * 20
    yield b'"}'


async def test_a_declared_oversized_body_is_refused_before_reading() -> None:
    response = await post(b'{"text":"' + b"x" * 200 + b'"}')
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"


async def test_a_streamed_oversized_body_is_refused_too() -> None:
    response = await post(chunks(10))
    assert response.status_code == 413


async def test_bodies_within_the_limit_pass_whole() -> None:
    assert (await post(chunks(2))).json() == {"length": 40}
    assert (await post(b'{"text":"hi"}')).json() == {"length": 2}

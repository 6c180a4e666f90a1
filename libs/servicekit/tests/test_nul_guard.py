"""A NUL character in a path, a query or a JSON body is a 422 `nul_character` problem in three
languages before the route runs; the six characters `\\u0000` written as text are not a NUL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from servicekit.app import create_service_app


def shop() -> FastAPI:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield

    async def ready() -> dict[str, bool]:
        return {}

    app = create_service_app(
        title="shop", api_prefix="/api", lifespan=lifespan, readiness=lambda _app: ready
    )

    @app.post("/api/notes/{note_id}")
    async def note(note_id: str, body: dict[str, Any], q: str = "") -> dict[str, Any]:
        return {"id": note_id, "q": q, **body}

    return app


async def post(path: str, content: bytes = b"{}") -> httpx.Response:
    transport = httpx.ASGITransport(app=shop())
    async with httpx.AsyncClient(transport=transport, base_url="http://shop") as client:
        headers = {"content-type": "application/json"}
        return await client.post(path, content=content, headers=headers)


@pytest.mark.parametrize(
    ("path", "content"),
    [
        ("/api/notes/a%00b", b"{}"),
        ("/api/notes/a?q=x%00", b"{}"),
        ("/api/notes/a?x%00=1", b"{}"),
        ("/api/notes/a", b'{"text": "salam\\u0000"}'),
        ("/api/notes/a", b'{"text": "a\\\\\\u0000"}'),  # a backslash, then a NUL
        ("/api/notes/a", b'{"t\\u0000": 1}'),
    ],
)
async def test_a_nul_anywhere_is_refused_before_the_route(path: str, content: bytes) -> None:
    answer = await post(path, content)
    assert answer.status_code == 422, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    problem = answer.json()
    assert problem["code"] == "nul_character"
    assert set(problem["message"]) == {"az", "en", "ru"}


async def test_a_backslash_and_u0000_as_text_is_kept() -> None:
    answer = await post("/api/notes/a?q=u0000", b'{"text": "C:\\\\u0000"}')
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"id": "a", "q": "u0000", "text": "C:\\u0000"}

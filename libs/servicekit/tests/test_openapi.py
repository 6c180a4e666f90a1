"""A service's OpenAPI says what it answers: its own refusals with their codes, the problems
servicekit answers by itself, and no untyped 422 of FastAPI's."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI
from fastapi.security import HTTPBearer
from pydantic import BaseModel

from servicekit.app import Readiness, create_service_app
from servicekit.openapi import problem_responses, required_header
from servicekit.problems import PROBLEM_JSON

_bearer = HTTPBearer(auto_error=False)


class Note(BaseModel):
    text: str


@asynccontextmanager
async def _lifespan(_app: FastAPI) -> AsyncIterator[None]:
    yield


def _readiness(_app: FastAPI) -> Readiness:
    async def ready() -> dict[str, bool]:
        return {}

    return ready


def _schema() -> dict[str, Any]:
    app = create_service_app(
        title="t", api_prefix="/api/t", lifespan=_lifespan, readiness=_readiness
    )
    router = APIRouter(prefix="/api/t")

    @router.post(
        "/notes",
        responses=problem_responses({400: ["key_missing"], 404: ["note_not_found"]}),
        openapi_extra=required_header("Idempotency-Key", "^.{8,}$", "required"),
    )
    async def write(note: Note) -> Note:
        return note

    @router.get("/secret")
    async def secret(token: Annotated[object, Depends(_bearer)]) -> dict[str, str]:
        return {}

    app.include_router(router)
    return app.openapi()


def codes(operation: dict[str, Any], status: str) -> list[str]:
    schema = operation["responses"][status]["content"][PROBLEM_JSON]["schema"]
    enum: list[str] = schema["properties"]["code"]["enum"]
    return enum


def test_a_routes_refusals_and_the_common_ones_are_problems_with_their_codes() -> None:
    write = _schema()["paths"]["/api/t/notes"]["post"]
    assert codes(write, "404") == ["note_not_found"]
    assert codes(write, "400") == ["bad_request", "key_missing"]  # the route's and servicekit's
    assert codes(write, "422") == ["nul_character", "validation_failed"]
    assert codes(write, "413") == ["payload_too_large"]
    assert codes(write, "503") == ["database_unavailable", "service_unavailable"]
    assert list(write["responses"]["422"]["content"]) == [PROBLEM_JSON]  # not FastAPI's JSON


def test_a_required_header_says_so() -> None:
    write = _schema()["paths"]["/api/t/notes"]["post"]
    (key,) = [p for p in write["parameters"] if p["name"] == "Idempotency-Key"]
    assert key["required"] is True and key["in"] == "header"


def test_an_operation_that_takes_a_token_documents_401() -> None:
    schema = _schema()
    assert codes(schema["paths"]["/api/t/secret"]["get"], "401") == [
        "invalid_token",
        "unauthenticated",
    ]
    assert "401" not in schema["paths"]["/api/t/notes"]["post"]["responses"]
    assert "HTTPValidationError" not in schema["components"]["schemas"]


def test_health_is_documented_where_the_gateway_reaches_it() -> None:
    paths = _schema()["paths"]
    assert "/api/t/healthz" in paths and "/api/t/readyz" in paths
    assert (
        "/healthz" not in paths and "/readyz" not in paths
    )  # the gateway's /readyz is the web app

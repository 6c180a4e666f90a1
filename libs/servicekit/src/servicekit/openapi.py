"""What the APIs really answer, in their OpenAPI: every refusal as an `application/problem+json`
schema whose `code` is one of the listed codes, beside the typed success models.

A route lists its own refusals with `responses=problem_responses({404: ["payment_not_found"]})`;
`document_common_problems` adds to every operation the problems servicekit and the gateway answer
by themselves (422 validation_failed, 413, 503), replacing FastAPI's untyped 422.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

from servicekit.problems import PROBLEM_JSON

AnyCode = None  # a status whose codes are relayed from elsewhere: any code, still a problem
Codes = Iterable[str] | None
_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def problem_schema(status: int, codes: Codes) -> dict[str, Any]:
    """RFC 9457 with our `code` and the three-language `message`; extra members are allowed."""
    code: dict[str, Any] = {"type": "string"}
    if codes is not None:
        code["enum"] = sorted(set(codes))
    return {
        "type": "object",
        "required": ["type", "title", "status", "code", "message"],
        "properties": {
            "type": {"type": "string"},
            "title": {"type": "string"},
            "status": {"type": "integer", "enum": [status]},
            "code": code,
            "message": {
                "type": "object",
                "required": ["az", "en"],
                "properties": {lang: {"type": "string"} for lang in ("az", "en", "ru")},
            },
            "instance": {"type": "string"},
            "detail": {"type": "string"},
        },
    }


def problem_responses(codes_by_status: Mapping[int, Codes]) -> dict[int | str, dict[str, Any]]:
    """FastAPI `responses=` for a route's refusals: status → the codes it may carry."""
    return {
        status: {
            "description": ", ".join(sorted(codes)) if codes is not None else "A problem",
            "content": {PROBLEM_JSON: {"schema": problem_schema(status, codes)}},
        }
        for status, codes in codes_by_status.items()
    }


# Answered for any operation: by servicekit (validation, database) or the gateway (restarting).
_ALWAYS: dict[int, list[str]] = {503: ["database_unavailable", "service_unavailable"]}
# Answered where a request has parameters or a body: not valid, or holding a NUL character
# (servicekit.nul_guard); unreadable (servicekit, or the gateway for an address it cannot read,
# such as one with %00).
_WITH_INPUT: dict[int, list[str]] = {
    422: ["validation_failed", "nul_character"],
    400: ["bad_request"],
}
# Answered where a request has a body: too large (servicekit or gateway).
_WITH_BODY: dict[int, list[str]] = {413: ["payload_too_large"]}
# Answered where an operation takes a bearer token: none sent, or one that is not good.
_SECURED: dict[int, list[str]] = {401: ["unauthenticated", "invalid_token"]}


def document_common_problems(app: FastAPI) -> None:
    """Makes `app.openapi()` carry the common problems on every operation (built once, cached)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, routes=app.routes)
            for path_item in schema.get("paths", {}).values():
                for method in _METHODS:
                    if method in path_item:
                        _add_common(path_item[method])
            schema.get("components", {}).get("schemas", {}).pop("HTTPValidationError", None)
            schema.get("components", {}).get("schemas", {}).pop("ValidationError", None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _add_common(operation: dict[str, Any]) -> None:
    responses: dict[str, Any] = operation.setdefault("responses", {})
    common = dict(_ALWAYS)
    if operation.get("parameters") or "requestBody" in operation:
        common |= _WITH_INPUT
    if "requestBody" in operation:
        common |= _WITH_BODY
    if operation.get("security"):
        common |= _SECURED
    for status, codes in common.items():
        _merge(responses, status, codes)


def _merge(responses: dict[str, Any], status: int, codes: list[str]) -> None:
    """Adds `codes` to the status's problem (FastAPI's untyped 422 is replaced, not kept)."""
    response = responses.get(str(status))
    content = (response or {}).get("content", {})
    documented = content.get(PROBLEM_JSON, {}).get("schema", {})
    enum = documented.get("properties", {}).get("code", {}).get("enum")
    if PROBLEM_JSON in content and enum is None:
        return  # any code already allowed
    responses[str(status)] = problem_responses({status: [*(enum or []), *codes]})[status]


def required_header(name: str, pattern: str, description: str) -> dict[str, Any]:
    """`openapi_extra=` declaring a header the route requires (its own dependency checks it, to
    answer a problem with a precise code rather than FastAPI's generic 422)."""
    schema = {"type": "string", "pattern": pattern}
    parameter = {
        "name": name,
        "in": "header",
        "required": True,
        "description": description,
        "schema": schema,
    }
    return {"parameters": [parameter]}


def binary_success(*media_types: str, status: int = 200) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route whose success is a file (a PDF, an image), not JSON."""
    return {status: {"content": {media_type: {} for media_type in media_types}}}


def answers_as(model: type[BaseModel], status: int = 200) -> dict[int | str, dict[str, Any]]:
    """`responses=` documenting what a route's view function builds, without passing the answer
    through the model at run time (so a view's absent member stays absent, not null)."""
    return {status: {"model": model}}

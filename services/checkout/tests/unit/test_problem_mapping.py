"""Checkout's refusals become the right problem (status, code, words in az/en/ru, headers) through
one app-level handler; provider-gateway's refusal is relayed with its own status and words."""

from __future__ import annotations

import json

import httpx
import pytest
from fastapi import FastAPI

from checkout.adapters.catalog import CatalogClient, CatalogRefusedError
from checkout.entrypoints.problems import STATUSES, install_refusal_handler, problem_for
from checkout.handlers import errors
from checkout.handlers.errors import CheckoutError, ServiceRejectedError
from servicekit.problems import install_problem_handlers

CASES: list[tuple[CheckoutError, int, str, str | None]] = [
    (errors.KeyReusedError(), 422, "idempotency_key_reused", None),
    (errors.RequestInProgressError(), 409, "request_in_progress", "1"),
    (errors.PaymentCannotStartError(), 503, "temporarily_unavailable", "5"),
]


@pytest.mark.parametrize(("error", "status", "code", "retry_after"), CASES)
def test_each_refusal_has_its_status_code_words_and_headers(
    error: CheckoutError, status: int, code: str, retry_after: str | None
) -> None:
    problem = problem_for(error)
    assert (problem.status, problem.code) == (status, code)
    assert problem.headers.get("Retry-After") == retry_after
    assert problem.az and problem.en and problem.ru
    assert len({problem.az, problem.en, problem.ru}) == 3  # three languages, not one copied


def test_every_handler_refusal_is_mapped() -> None:
    kinds = {kind for kind in vars(errors).values() if isinstance(kind, type)}
    refusals = {kind for kind in kinds if issubclass(kind, CheckoutError)}
    assert refusals - {CheckoutError, ServiceRejectedError} <= set(STATUSES)


async def test_a_refusal_raised_anywhere_in_the_app_answers_as_its_problem() -> None:
    app = FastAPI()
    install_problem_handlers(app)
    install_refusal_handler(app)

    @app.post("/api/payments")
    async def create() -> None:
        raise errors.RequestInProgressError()

    @app.post("/api/other")
    async def other() -> None:
        words = {"az": "Kataloqda belə xidmət yoxdur.", "en": "No such service."}
        raise ServiceRejectedError("service_not_found", words, {}, 404)

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://checkout") as client:
        busy = await client.post("/api/payments")
        missing = await client.post("/api/other")
    assert busy.status_code == 409 and busy.headers["Retry-After"] == "1"
    assert busy.headers["content-type"] == "application/problem+json"
    assert busy.json()["code"] == "request_in_progress"
    assert busy.json()["message"]["ru"].startswith("Этот платёж ещё создаётся")
    assert missing.status_code == 404 and missing.json()["code"] == "service_not_found"
    assert set(missing.json()["message"]) == {"az", "en"}  # no Russian made up where none came


def gateway_refusing(message: dict[str, str]) -> CatalogClient:
    """provider-gateway answering a quote with its 422 problem (as its API does)."""

    def answer(_request: httpx.Request) -> httpx.Response:
        body = {"code": "invalid_account", "message": message, "reason": "length"}
        return httpx.Response(422, content=json.dumps(body).encode())

    return CatalogClient(httpx.AsyncClient(transport=httpx.MockTransport(answer)), "http://pg")


@pytest.mark.parametrize(
    "message",
    [
        {"az": "Nömrə səhvdir.", "en": "The number is wrong.", "ru": "Номер неверный."},
        {"az": "Nömrə səhvdir.", "en": "The number is wrong."},
    ],
)
async def test_the_catalogs_refusal_keeps_its_status_code_and_every_language_it_sent(
    message: dict[str, str],
) -> None:
    with pytest.raises(CatalogRefusedError) as refused:
        await gateway_refusing(message).quote("azercell", "5012", "5.00")
    assert (refused.value.status, refused.value.code) == (422, "invalid_account")
    assert refused.value.words == message

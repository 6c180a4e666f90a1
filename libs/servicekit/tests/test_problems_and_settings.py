"""Errors reach clients as RFC 9457 problems without internals; settings refuse unsafe defaults."""

from __future__ import annotations

import logging

import httpx
import pytest
from fastapi import FastAPI
from pydantic import BaseModel, SecretStr, ValidationError
from pymongo.errors import AutoReconnect, OperationFailure

from servicekit.logs import JsonFormatter, mask_personal_data
from servicekit.problems import Problem, install_problem_handlers, map_errors
from servicekit.settings import DEVELOPMENT_SECRET_PREFIX, Environment, ServiceSettings


class Order(BaseModel):
    amount: int


class ShopError(Exception):
    """A service's own refusal, raised by a handler that knows nothing of HTTP."""


class SoldOutError(ShopError):
    pass


def shop_problem(error: ShopError) -> Problem:
    return Problem(409, "sold_out", "Sold out.", "Satılıb.", ru="Распродано.")


def app_with_routes() -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)
    map_errors(app, ShopError, shop_problem)

    @app.post("/orders")
    async def create(order: Order) -> dict[str, int]:
        return {"amount": order.amount}

    @app.get("/refused")
    async def refused() -> None:
        raise Problem(409, "already_paid", "Already paid.", "Artıq ödənilib.", headers={"X-A": "1"})

    @app.get("/sold-out")
    async def sold_out() -> None:
        raise SoldOutError()

    @app.get("/crash")
    async def crash() -> None:
        raise RuntimeError("secret internals: mongodb://user:pass@db")

    @app.get("/database/{code}")
    async def database_fails(code: int) -> None:
        if code == 0:
            raise AutoReconnect("127.0.0.1:27018: connection closed")
        raise OperationFailure("failed to connect to `user=postgres database=ferretdb`", code)

    return app


async def call(method: str, path: str, **kwargs: object) -> httpx.Response:
    transport = httpx.ASGITransport(app=app_with_routes(), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        return await client.request(method, path, **kwargs)  # type: ignore[arg-type]


async def test_a_domain_refusal_is_a_problem_with_code_and_both_languages() -> None:
    response = await call("GET", "/refused")
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["x-a"] == "1"
    assert response.json() == {
        "type": "/problems/already_paid",
        "title": "Already paid.",
        "status": 409,
        "code": "already_paid",
        "message": {"az": "Artıq ödənilib.", "en": "Already paid."},
        "instance": "/refused",
    }


async def test_a_service_error_answers_as_the_problem_its_mapping_makes() -> None:
    response = await call("GET", "/sold-out")
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "sold_out"
    assert response.json()["message"] == {"az": "Satılıb.", "en": "Sold out.", "ru": "Распродано."}


@pytest.mark.parametrize(
    ("method", "path", "status", "ru"),
    [
        ("GET", "/no/such/route", 404, "Здесь ничего нет."),
        ("DELETE", "/orders", 405, "Этот метод здесь не разрешён."),
        ("POST", "/orders", 422, "Некоторые поля заполнены неверно."),
        ("GET", "/crash", 500, "На нашей стороне произошла ошибка. Повторите попытку чуть позже."),
        (
            "GET",
            "/database/0",
            503,
            "Наши записи на мгновение недоступны. Ничего не потеряно: "
            "повторите попытку чуть позже.",
        ),
    ],
)
async def test_the_problems_servicekit_answers_speak_russian_too(
    method: str, path: str, status: int, ru: str
) -> None:
    response = await call(method, path, json={})
    assert response.status_code == status
    message = response.json()["message"]
    assert message["ru"] == ru and message["az"] and message["en"]


@pytest.mark.parametrize("body", ['{"amount": "many"}', "not json at all", '{"amount": 1', "[]"])
async def test_bad_input_is_a_422_naming_the_field(body: str) -> None:
    response = await call(
        "POST", "/orders", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    problem = response.json()
    assert problem["code"] == "validation_failed"
    assert problem["errors"]


async def test_an_unexpected_error_shows_no_internals(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR):
        response = await call("GET", "/crash")
    assert response.status_code == 500
    assert response.json()["code"] == "internal_error"
    assert "mongodb" not in response.text and "Traceback" not in response.text
    assert "secret internals" in caplog.text  # ops still see it in the log


@pytest.mark.parametrize("code", [0, 1, 112])  # gone; FerretDB without PostgreSQL; WriteConflict
async def test_an_unreachable_database_is_a_503_to_retry_not_a_500(code: int) -> None:
    response = await call("GET", f"/database/{code}")
    assert response.status_code == 503
    assert response.headers["retry-after"] == "2"
    assert response.json()["code"] == "database_unavailable"
    assert "postgres" not in response.text


async def test_a_database_error_that_retrying_cannot_fix_is_still_a_500() -> None:
    response = await call("GET", "/database/2")  # BadValue: our own mistake
    assert response.status_code == 500
    assert response.json()["code"] == "internal_error"


class WithSecret(ServiceSettings):
    signing_key: SecretStr = SecretStr(f"{DEVELOPMENT_SECRET_PREFIX}key")


def test_a_default_secret_is_refused_outside_development() -> None:
    assert WithSecret(environment=Environment.DEVELOPMENT).signing_key
    with pytest.raises(ValidationError, match="signing_key"):
        WithSecret(environment=Environment.PRODUCTION)
    assert WithSecret(environment=Environment.PRODUCTION, signing_key=SecretStr("real"))


def test_logs_are_json_and_mask_personal_data() -> None:
    assert mask_personal_data("mail aysel.mammadova@example.az now") == "mail a***@example.az now"
    assert mask_personal_data("phone +994 50 123 45 67") == "phone ***567"
    assert mask_personal_data("imei 490154203237518") == "imei ***518"
    record = logging.LogRecord("x", logging.INFO, "f", 1, "paid by %s", ("x@y.az",), None)
    assert '"message": "paid by x***@y.az"' in JsonFormatter("checkout").format(record)

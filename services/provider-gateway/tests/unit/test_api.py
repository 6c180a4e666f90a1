"""The catalog API as a client sees it, with an in-memory provider behind the adapters."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provider_gateway.adapters.base import ProviderUnavailableError
from provider_gateway.bootstrap import create_app
from provider_gateway.domain.catalog import ProtocolFamily

from .fakes import FakeClock, FakeProvider

API = "/api/catalog"


@pytest.fixture
def provider() -> FakeProvider:
    return FakeProvider(FakeClock())


@pytest.fixture
async def client(provider: FakeProvider) -> AsyncIterator[httpx.AsyncClient]:
    adapters = {ProtocolFamily.OSMP: provider, ProtocolFamily.REST: provider}
    app = create_app(adapters=adapters, clock=provider.clock)  # routes only: no lifespan needed
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http


def problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["code"] == code
    assert body["message"]["az"] and body["message"]["en"]
    return body


async def test_categories_with_their_service_counts(client: httpx.AsyncClient) -> None:
    categories = (await client.get(f"{API}/categories?lang=en")).json()
    assert len(categories) == 11
    mobile = categories[0]
    assert (mobile["id"], mobile["name"], mobile["service_count"]) == (
        "mobile",
        "Mobile operators",
        4,
    )


async def test_services_are_filtered_searched_and_named_in_the_asked_language(
    client: httpx.AsyncClient,
) -> None:
    utilities = (await client.get(f"{API}/services", params={"category": "utilities"})).json()
    assert utilities["count"] == 6
    found = await client.get(
        f"{API}/services", params={"q": "azerisiq"}, headers={"Accept-Language": "ru-RU,ru;q=0.9"}
    )
    assert [(item["id"], item["name"]) for item in found.json()["services"]] == [
        ("azerisiq", "Азеришыг (электричество)")
    ]
    default = (await client.get(f"{API}/services", params={"q": "azerisiq"})).json()
    assert default["services"][0]["name"] == "Azərişıq"


async def test_one_service_tells_how_to_fill_in_its_account(client: httpx.AsyncClient) -> None:
    detail = (await client.get(f"{API}/services/traffic-fines?lang=en")).json()
    assert detail["account"]["kind"] == "text"
    assert detail["account"]["example"] == "AB1234567"
    assert detail["commission"] == {"basis_points": 100, "minimum_qepik": 30, "fixed_qepik": 0}
    assert (detail["min_amount"], detail["max_amount"]) == ("1.00", "600.00")
    problem(await client.get(f"{API}/services/no-such-thing"), 404, "service_not_found")


async def test_lookup_passes_on_what_the_provider_said(
    client: httpx.AsyncClient, provider: FakeProvider
) -> None:
    response = await client.post(
        f"{API}/services/azercell/lookup", json={"account": "050 123 45 67"}
    )
    assert response.status_code == 200
    assert response.json() == {
        "service_id": "azercell",
        "account": "501234567",
        "holder": "A*** M***",
        "balance_qepik": 1240,
        "debt_qepik": None,
        "min_qepik": 50,
        "max_qepik": 20000,
        "allowed_min_qepik": 50,
        "allowed_max_qepik": 20000,
    }


async def test_lookup_refusals(client: httpx.AsyncClient, provider: FakeProvider) -> None:
    url = f"{API}/services/azercell/lookup"
    problem(await client.post(url, json={"account": "050 123 44 04"}), 404, "account_not_found")
    refused = problem(
        await client.post(url, json={"account": "055 123 45 67"}), 422, "invalid_account"
    )
    assert refused["reason"] == "operator_prefix_mismatch"
    problem(
        await client.post(f"{API}/services/iticket/lookup", json={"account": "58213467"}),
        409,
        "lookup_not_supported",
    )
    assert provider.operations() == ["lookup"]  # refusals of ours never reach the provider


async def test_a_provider_down_is_503_with_retry_after_then_left_alone(
    client: httpx.AsyncClient, provider: FakeProvider
) -> None:
    provider.always_down = True
    url = f"{API}/services/nar/lookup"
    for _ in range(5):
        down = await client.post(url, json={"account": "070 123 45 67"})
        problem(down, 503, "provider_unavailable")
        assert down.headers["retry-after"] == "30"
    resting = await client.post(url, json={"account": "070 123 45 67"})
    problem(resting, 503, "provider_unavailable")
    assert resting.headers["retry-after"] == "30"
    assert len(provider.calls) == 5  # the open breaker answered the sixth itself


async def test_a_provider_timeout_is_504(client: httpx.AsyncClient, provider: FakeProvider) -> None:
    async def hang(*_: object) -> None:
        raise ProviderUnavailableError("no answer in time", timed_out=True)

    provider.lookup = hang  # type: ignore[assignment, method-assign]
    response = await client.post(f"{API}/services/nar/lookup", json={"account": "0701234567"})
    problem(response, 504, "provider_timeout")


async def test_quote_as_checkout_asks_for_it(client: httpx.AsyncClient) -> None:
    response = await client.post(
        f"{API}/services/traffic-fines/quote", json={"account": "ab-1234567", "amount": "25.00"}
    )
    assert response.json() == {
        "service_id": "traffic-fines",
        "account": "AB1234567",
        "amount_qepik": 2500,
        "fee_qepik": 30,
        "total_qepik": 2530,
    }


@pytest.mark.parametrize(
    ("service", "body", "status", "code"),
    [
        ("nope", {"account": "1", "amount": "1"}, 404, "service_not_found"),
        ("azercell", {"account": "12345", "amount": "10"}, 422, "invalid_account"),
        ("azercell", {"account": "0501234567", "amount": "0.10"}, 422, "amount_below_minimum"),
        ("azercell", {"account": "0501234567", "amount": "300.01"}, 422, "amount_above_maximum"),
        ("azercell", {"account": "0501234567", "amount": "1.005"}, 422, "invalid_amount"),
        ("azercell", {"account": "0501234567", "amount": 10}, 422, "validation_failed"),
        ("azercell", {"account": "0501234567"}, 422, "validation_failed"),
        ("azercell", {"account": "0501234567", "amount": "1", "x": 1}, 422, "validation_failed"),
    ],
)
async def test_quote_refusals(
    client: httpx.AsyncClient, service: str, body: dict[str, Any], status: int, code: str
) -> None:
    problem(await client.post(f"{API}/services/{service}/quote", json=body), status, code)


async def test_bodies_over_16_kb_are_refused_declared_or_streamed(
    client: httpx.AsyncClient,
) -> None:
    big = b'{"account": "' + b"1" * 17_000 + b'", "amount": "1"}'
    declared = await client.post(f"{API}/services/azercell/quote", content=big)
    problem(declared, 413, "payload_too_large")

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(big), 1024):
            yield big[start : start + 1024]

    streamed = await client.post(f"{API}/services/azercell/quote", content=chunks())
    problem(streamed, 413, "payload_too_large")


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(["lookup", "quote"]),
    service=st.sampled_from(["azercell", "azerisiq", "azparking", "x" * 80, "%C9%99"]),
    body=st.binary(max_size=300)
    | st.recursive(
        st.none() | st.booleans() | st.text(max_size=20) | st.integers(),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.sampled_from(["account", "amount", "x"]), inner, max_size=3)
        ),
        max_leaves=6,
    ).map(lambda value: repr(value).encode()),
)
async def test_no_input_makes_a_500(
    client: httpx.AsyncClient, path: str, service: str, body: bytes
) -> None:
    response = await client.post(
        f"{API}/services/{service}/{path}",
        content=body,
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code < 500, response.text  # the fake provider is up: no 503/504 either
    assert response.headers["content-type"].startswith("application/")

"""Account lookup through provider-gateway's API, answered by the real providers sandbox."""

from __future__ import annotations

import httpx
import pytest

pytestmark = pytest.mark.integration

API = "/api/catalog/services"


@pytest.mark.parametrize(
    ("service_id", "account", "allowed"),
    [("azercell", "+994 50 123 45 67", (20, 30000)), ("azerisiq", "100200300400500", (100, 60000))],
)
async def test_a_lookup_shows_what_the_provider_answered(
    catalog_api: httpx.AsyncClient, service_id: str, account: str, allowed: tuple[int, int]
) -> None:
    response = await catalog_api.post(f"{API}/{service_id}/lookup", json={"account": account})
    assert response.status_code == 200, response.text
    found = response.json()
    assert found["holder"][1:4] == "***"  # masked by the provider, passed on as it was
    assert (found["balance_qepik"] is None) != (found["debt_qepik"] is None)
    assert (found["min_qepik"], found["max_qepik"]) == (1, 1_000_000)
    # The sandbox allows 0.01–10 000 AZN, so our own limits are what may be paid.
    assert (found["allowed_min_qepik"], found["allowed_max_qepik"]) == allowed


@pytest.mark.parametrize(
    ("service_id", "account"), [("nar", "070 123 44 04"), ("bakcell", "055 123 44 04")]
)
async def test_an_account_the_provider_does_not_have_is_404(
    catalog_api: httpx.AsyncClient, service_id: str, account: str
) -> None:
    response = await catalog_api.post(f"{API}/{service_id}/lookup", json={"account": account})
    assert response.status_code == 404
    assert response.json()["code"] == "account_not_found"


async def test_an_invalid_account_is_422_before_asking_the_provider(
    catalog_api: httpx.AsyncClient,
) -> None:
    response = await catalog_api.post(f"{API}/nar/lookup", json={"account": "050 123 45 67"})
    assert response.status_code == 422
    assert response.json()["reason"] == "operator_prefix_mismatch"


@pytest.mark.parametrize("service_id", ["citynet", "connect"])  # one of each protocol family
async def test_a_provider_with_lookups_down_is_503_with_retry_after(
    catalog_api: httpx.AsyncClient, sandbox: httpx.AsyncClient, service_id: str
) -> None:
    await sandbox.put(f"/_control/faults/{service_id}", json={"lookup_down": True})
    try:
        response = await catalog_api.post(f"{API}/{service_id}/lookup", json={"account": "1234567"})
    finally:
        await sandbox.delete(f"/_control/faults/{service_id}")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert int(response.headers["retry-after"]) > 0
    assert response.json()["code"] == "provider_unavailable"


async def test_a_provider_that_does_not_answer_in_time_is_504(
    catalog_api: httpx.AsyncClient, sandbox: httpx.AsyncClient
) -> None:
    await sandbox.put("/_control/faults/uninet", json={"latency_ms": 3000})  # timeout is 1 s
    try:
        response = await catalog_api.post(f"{API}/uninet/lookup", json={"account": "1234567"})
    finally:
        await sandbox.delete("/_control/faults/uninet")
    assert response.status_code == 504
    assert response.json()["code"] == "provider_timeout"

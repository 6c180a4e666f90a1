"""The gateway is the one address: every service answers behind it, and errors are problems."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from devstack.stack import Stack

pytestmark = pytest.mark.e2e

SERVICES = ["payments", "catalog", "imei", "support"]


@pytest.mark.parametrize("api", SERVICES)
async def test_each_service_is_healthy_and_ready_behind_the_gateway(
    system: Stack, api: str
) -> None:
    async with httpx.AsyncClient(base_url=system.gateway_url) as client:
        health = await client.get(f"/api/{api}/healthz")
        ready = await client.get(f"/api/{api}/readyz")
    assert health.status_code == 200
    assert ready.status_code == 200
    assert ready.json() == {"ready": True, "checks": {"database": True, "kafka": True}}


async def test_the_gateway_answers_its_own_health_not_the_web_app(system: Stack) -> None:
    async with httpx.AsyncClient(base_url=system.gateway_url) as client:
        health = await client.get("/healthz")
    assert health.status_code == 200
    assert health.headers["content-type"] == "application/json"
    assert health.json() == {"status": "ok", "service": "gateway"}


async def test_an_unknown_address_is_a_problem_in_three_languages(system: Stack) -> None:
    async with httpx.AsyncClient(base_url=system.gateway_url) as client:
        unknown_api = await client.get("/api/no-such-service/x")
        unknown_route = await client.get("/api/catalog/no/such/route")
    for response in (unknown_api, unknown_route):
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert problem["code"] == "not_found"
        assert problem["message"]["az"] and problem["message"]["en"]
        assert problem["message"]["ru"] in {"Такого API нет.", "Здесь ничего нет."}


async def test_the_gateway_passes_a_correlation_id_through(system: Stack) -> None:
    async with httpx.AsyncClient(base_url=system.gateway_url) as client:
        response = await client.get(
            "/api/support/healthz", headers={"X-Correlation-Id": "trace-42"}
        )
        generated = await client.get("/api/support/healthz")
    assert response.headers["x-correlation-id"] == "trace-42"
    assert len(generated.headers["x-correlation-id"]) >= 16


async def test_a_stopped_service_is_a_503_problem_with_retry_after(system: Stack) -> None:
    replicas = system.replicas_of("imei-registry")
    for replica in replicas:
        replica.stop()
    try:
        async with httpx.AsyncClient(base_url=system.gateway_url) as client:
            response = await client.get("/api/imei/healthz")
        assert response.status_code == 503
        assert response.headers["retry-after"] == "5"
        assert response.json()["code"] == "service_unavailable"
    finally:
        for replica in replicas:
            system.restart(replica.name)
        await _until_the_gateway_reaches("/api/imei/healthz", system)


async def test_one_stopped_replica_is_not_noticed(system: Stack) -> None:
    first, *others = system.replicas_of("imei-registry")
    assert others, "the end-to-end stack runs two replicas of each HTTP service"
    first.stop()
    try:
        async with httpx.AsyncClient(base_url=system.gateway_url) as client:
            answers = [(await client.get("/api/imei/healthz")).status_code for _ in range(6)]
        assert answers == [200] * 6
    finally:
        system.restart(first.name)


async def test_services_expose_prometheus_metrics(system: Stack) -> None:
    async with httpx.AsyncClient(base_url=system.gateway_url) as client:
        await client.get("/api/catalog/healthz")
        metrics = await client.get("/api/catalog/metrics")
    assert metrics.status_code == 200
    assert (
        'http_requests_total{method="GET",route="/api/catalog/healthz",status="200"}'
        in metrics.text
    )


async def _until_the_gateway_reaches(path: str, system: Stack) -> None:
    """The gateway leaves out a replica that refused it for a moment; wait that out."""
    async with httpx.AsyncClient(base_url=system.gateway_url) as client:
        for _ in range(100):
            if (await client.get(path)).status_code == 200:
                return
            await asyncio.sleep(0.1)
    raise AssertionError(f"{path} is still unavailable through the gateway")

"""What the gateway adds around the web app: security headers, caching, and rate limits (429)."""

from __future__ import annotations

import re

import httpx
import pytest

from devstack.stack import Stack
from tests.browser.browser import WEB

pytestmark = pytest.mark.e2e


async def test_the_app_is_served_with_a_strict_policy_that_lets_forms_reach_the_bank(
    system: Stack,
) -> None:
    async with httpx.AsyncClient(base_url=system.gateway_url) as client:
        index = await client.get("/pay/result?payment=pay_x")
        api = await client.get("/api/catalog/categories")
    assert index.status_code == 200 and '<div id="app">' in index.text
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in index.headers["content-security-policy"].split(";")
    )
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert policy["form-action"] == f"'self' {system.sandbox_url}"
    assert policy["frame-ancestors"] == "'none'"
    assert index.headers["x-content-type-options"] == "nosniff"
    assert index.headers["referrer-policy"] == "no-referrer"
    assert index.headers["cache-control"] == "no-cache"
    assert "content-security-policy" not in api.headers
    assert "cache-control" not in api.headers


async def test_hashed_assets_are_cached_for_good_and_missing_ones_are_404(system: Stack) -> None:
    script = next((WEB / "dist" / "assets").glob("index-*.js")).name
    assert re.fullmatch(r"index-[\w-]{8}\.js", script)
    async with httpx.AsyncClient(base_url=system.gateway_url) as client:
        asset = await client.get(f"/assets/{script}")
        missing = await client.get("/assets/index-00000000.js")
    assert asset.status_code == 200
    assert asset.headers["content-type"] == "application/javascript"
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert missing.status_code == 404


@pytest.mark.parametrize(
    ("path", "retry_after"),
    [
        ("/api/catalog/services/azercell/lookup", "1"),
        ("/api/support/tickets", "5"),
        ("/api/imei/quotes", "1"),
    ],
)
async def test_too_many_posts_from_one_address_get_a_429_problem(
    system: Stack, path: str, retry_after: str
) -> None:
    # From 127.0.0.2, a client of its own: the other tests' budget on 127.0.0.1 stays untouched.
    transport = httpx.AsyncHTTPTransport(local_address="127.0.0.2")
    async with httpx.AsyncClient(base_url=system.gateway_url, transport=transport) as client:
        statuses = []
        for _ in range(30):
            response = await client.post(path, json={"account": "501234567"})
            statuses.append(response.status_code)
        reads = [await client.get(path) for _ in range(3)]
    assert 429 in statuses and statuses[0] != 429
    assert response.status_code == 429
    assert response.headers["retry-after"] == retry_after
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["code"] == "rate_limited" and problem["message"]["az"]
    assert all(read.status_code != 429 for read in reads)  # only POSTs are counted

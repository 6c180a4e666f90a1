"""What the fuzzer found, kept found: input the database or the gateway cannot read is a 4xx
problem in three languages, not a 503 that says "try again" or nginx's HTML page."""

from __future__ import annotations

import httpx
import pytest

from tests.e2e.portal import Portal

pytestmark = pytest.mark.e2e


def assert_problem(answer: httpx.Response, status: int, code: str) -> None:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    problem = answer.json()
    assert problem["code"] == code
    assert problem["message"]["az"] and problem["message"]["en"] and problem["message"]["ru"]


@pytest.mark.parametrize("username", ["rashad\x00", "a\x18b", "x" * 65])
async def test_a_sign_in_name_no_one_could_have_is_wrong_credentials(
    portal: Portal, username: str
) -> None:
    answer = await portal.http.post(
        f"{portal.system.gateway_url}/api/support/auth/token",
        data={"username": username, "password": "whatever"},
    )
    assert answer.status_code == 401, answer.text  # was a 503 database_unavailable for the NUL
    assert answer.json()["code"] == "invalid_credentials"


@pytest.mark.parametrize(
    "path", ["/api/payments/pay_%00", "/api/support/tickets/tkt_%00", "/api/imei/quotes/%00"]
)
async def test_an_address_the_gateway_cannot_read_is_a_problem(portal: Portal, path: str) -> None:
    answer = await portal.http.get(f"{portal.system.gateway_url}{path}")
    assert_problem(answer, 400, "bad_request")

"""What the fuzzer found, kept found: input the database or the gateway cannot read is a 4xx
problem in three languages, not a 503 that says "try again" or nginx's HTML page; a NUL character
in any field is a 422 `nul_character` at whichever service it reaches."""

from __future__ import annotations

import uuid

import httpx
import pytest

from tests.e2e.portal import Portal
from tests.e2e.test_support import api, letter, sign_in, write_letter

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


async def test_a_nul_character_in_any_field_is_refused_not_a_database_outage(
    portal: Portal,
) -> None:
    """PostgreSQL keeps no NUL in text: one that reached the database was a 503 "try again",
    as if the records were away, for a request that can never succeed. Every edge refuses it."""
    gateway = portal.system.gateway_url
    email = f"nul-{uuid.uuid4().hex[:8]}@example.az"
    written = await write_letter(portal, json=letter(email))
    assert written.status_code == 201, written.text
    ticket = api(portal, f"/{written.json()['ticket_id']}")
    staff = await sign_in(portal, "aysel")
    ops = await sign_in(portal, "farid", "ops")
    taken = await portal.http.post(f"{ticket}/assign", json={}, headers=staff)
    assert taken.status_code == 200, taken.text
    answer = {"email": email, "message": "Sağ olun\x00", "reply_id": "nul-answer-1"}
    payment = {"service_id": "azercell", "account": "501234567\x00", "amount": "5.00"}
    refused = {
        "letter": ("POST", api(portal), {"json": letter(email, message="Salam\x00")}),
        "staff reply": ("POST", f"{ticket}/replies", {"json": {"message": "Salam\x00"}}),
        "customer answer": ("POST", f"{ticket}/answers", {"json": answer}),
        "ticket search": ("GET", api(portal), {"params": {"q": "Gülşən\x00"}}),
        "ops payment search": (
            "GET",
            f"{gateway}/api/ops/payments",
            {"params": {"account": "5\x00"}},
        ),
        "payment": ("POST", f"{gateway}/api/payments", {"json": payment}),
        "imei quote": (
            "POST",
            f"{gateway}/api/imei/quotes",
            {"json": {"device_type": "single", "imeis": ["35209900\x001761481"]}},
        ),
    }
    answers = {}
    for name, (method, url, request) in refused.items():
        headers = {"Idempotency-Key": f"nul-{uuid.uuid4().hex}"}
        headers |= ops if "ops" in name else staff
        answers[name] = await portal.http.request(method, url, headers=headers, **request)
    assert {name: answer.status_code for name, answer in answers.items()} == dict.fromkeys(
        refused, 422
    )
    for answer in answers.values():
        assert_problem(answer, 422, "nul_character")

"""Only ops staff reach the ops console's API: no sign-in is 401, a specialist's or supervisor's
token 403, each a problem in az, en and ru; the stream needs a fresh ticket, not a token, and a
ticket opens it once, on whichever replica of ops-desk it is shown."""

from __future__ import annotations

import httpx
import pytest

from devstack.applications import FASTAPI_SERVICES, python_service
from devstack.ports import free_port
from devstack.stack import Stack

from .ops_desk import ops_url, sign_in

pytestmark = pytest.mark.e2e

PATHS = ("/payments?account=501234567", "/payments/pay_x", "/dead-letters", "/recon")


def assert_problem(answer: httpx.Response, status: int, code: str) -> None:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    body = answer.json()
    assert body["code"] == code
    assert set(body["message"]) == {"az", "en", "ru"}


def test_without_a_sign_in_every_ops_page_is_refused(system: Stack) -> None:
    with httpx.Client(timeout=30) as client:
        for path in PATHS:
            assert_problem(client.get(ops_url(system, path)), 401, "unauthenticated")
        refused = client.post(ops_url(system, "/dead-letters/abc/replay"))
        assert_problem(refused, 401, "unauthenticated")
        forged = {"Authorization": "Bearer not.a.token"}
        assert_problem(client.get(ops_url(system, "/recon"), headers=forged), 401, "invalid_token")


@pytest.mark.parametrize("username", ["aysel", "leyla"])
def test_specialists_and_supervisors_are_not_ops(system: Stack, username: str) -> None:
    with httpx.Client(timeout=30) as client:
        staff = sign_in(system, client, username)
        for path in PATHS:
            assert_problem(client.get(ops_url(system, path), headers=staff), 403, "ops_only")
        ticket = client.post(ops_url(system, "/events/stream-ticket"), headers=staff)
        assert_problem(ticket, 403, "ops_only")


def test_the_stream_opens_with_a_ticket_only(system: Stack) -> None:
    with httpx.Client(timeout=30) as client:
        ops = sign_in(system, client)
        token = ops["Authorization"].removeprefix("Bearer ")
        assert_refused_stream(system, client, {}, ops)
        assert_refused_stream(system, client, {"ticket": token})
        ticket = client.post(ops_url(system, "/events/stream-ticket"), headers=ops).json()
        assert 0 < ticket["expires_in"] <= 60
        tampered = ticket["ticket"][:-2] + ("AA" if not ticket["ticket"].endswith("AA") else "BB")
        assert_refused_stream(system, client, {"ticket": tampered})


def test_a_ticket_opens_the_stream_once_whichever_replica_sees_it(system: Stack) -> None:
    """A ticket leaked from a URL (a log, the browser's history) opens nothing: the replica it
    was used on, and a second replica of ops-desk, both refuse it the second time."""
    spec = next(spec for spec in FASTAPI_SERVICES if spec.name == "ops-desk")
    port = free_port()
    second = python_service(system, spec, 1, port)
    second.start()
    try:
        second.wait_ready(90)
        with httpx.Client(timeout=30) as client:
            ops = sign_in(system, client)
            ticket = client.post(ops_url(system, "/events/stream-ticket"), headers=ops).json()
            params = {"ticket": ticket["ticket"]}
            url = ops_url(system, "/events/stream")
            with client.stream("GET", url, params=params) as opened:
                assert opened.status_code == 200
                assert "event: ready" in next(opened.iter_text())
            assert_refused_stream(system, client, params, code="stream_ticket_used")
            other = f"http://127.0.0.1:{port}/api/ops/events/stream"
            assert_refused_stream(system, client, params, code="stream_ticket_used", url=other)
            fresh = client.post(ops_url(system, "/events/stream-ticket"), headers=ops).json()
            with client.stream("GET", other, params={"ticket": fresh["ticket"]}) as opened:
                assert opened.status_code == 200
    finally:
        second.stop()


def assert_refused_stream(
    system: Stack,
    client: httpx.Client,
    params: dict[str, str],
    headers: dict[str, str] | None = None,
    code: str = "invalid_stream_ticket",
    url: str | None = None,
) -> None:
    """Reads the answer's head only: a stream wrongly opened never ends, a refusal does."""
    url = url or ops_url(system, "/events/stream")
    with client.stream("GET", url, params=params, headers=headers) as answer:
        assert answer.status_code == 401
        answer.read()
        assert_problem(answer, 401, code)

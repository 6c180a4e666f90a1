"""An ops person finds a payment by its account and reads its story as a timeline, and watches a
new payment's events arrive live on the stream, all through the gateway."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest

from devstack.stack import Stack

from .conftest import create_payment, pay
from .ops_desk import ops_url, sign_in

pytestmark = pytest.mark.e2e
STREAM_PATIENCE_SECONDS = 120


def test_a_payment_is_found_by_account_and_told_as_a_timeline(
    system: Stack, completed_payment: dict[str, Any]
) -> None:
    payment_id = completed_payment["payment_id"]
    with httpx.Client(timeout=60) as client:
        ops = sign_in(system, client)
        found = client.get(
            ops_url(system, "/payments"),
            params={"account": completed_payment["account"]},
            headers=ops,
        )
        assert found.status_code == 200, found.text
        [row] = found.json()["payments"]
        assert (row["id"], row["state"], row["service_id"]) == (payment_id, "completed", "azercell")
        assert row["amount_qepik"] == 500

        story = client.get(ops_url(system, f"/payments/{payment_id}"), headers=ops)
    assert story.status_code == 200, story.text
    body = story.json()
    assert {"label": "state", "value": "completed"} in body["header"]
    entries = body["entries"]
    assert [entry["at"] for entry in entries] == sorted(entry["at"] for entry in entries)
    texts = [entry["text"] for entry in entries]
    states = [text for text in texts if text.startswith("state → ")]
    assert states[0].startswith("state → initiated") and states[-1].startswith("state → completed")
    for event_type in ("payment-initiated", "card-debited", "provider-activated"):
        assert any(text.startswith(event_type) for text in texts), event_type
    assert entries[-1]["kind"] in ("completion", "progress")


def test_an_unknown_payment_and_an_empty_search_are_problems(system: Stack) -> None:
    with httpx.Client(timeout=60) as client:
        ops = sign_in(system, client)
        missing = client.get(ops_url(system, "/payments/pay_nobody_has_this"), headers=ops)
        assert missing.status_code == 404, missing.text
        assert missing.json()["code"] == "payment_not_found"
        assert set(missing.json()["message"]) == {"az", "en", "ru"}
        everything = client.get(ops_url(system, "/payments"), headers=ops)
        assert everything.status_code == 422
        assert everything.json()["code"] == "filter_required"
        nothing = client.get(
            ops_url(system, "/payments"), params={"account": "000000000"}, headers=ops
        )
        assert nothing.status_code == 200 and nothing.json() == {"payments": []}


async def test_the_stream_shows_a_new_payments_events_live(system: Stack) -> None:
    async with httpx.AsyncClient(timeout=httpx.Timeout(60, read=90)) as client:
        token = await client.post(
            f"{system.gateway_url}/api/support/auth/token",
            data={"username": "farid", "password": system.secrets["PORTAL_SUPPORT_OPS_PASSWORD"]},
        )
        ops = {"Authorization": f"Bearer {token.json()['access_token']}"}
        ticket = await client.post(ops_url(system, "/events/stream-ticket"), headers=ops)
        params = {"ticket": ticket.json()["ticket"], "topic": "payments.v1"}
        async with client.stream("GET", ops_url(system, "/events/stream"), params=params) as live:
            assert live.status_code == 200
            assert live.headers["content-type"].startswith("text/event-stream")
            lines = live.aiter_lines()
            assert await anext_event(lines) == ("ready", {})
            # Only now, with the stream listening, is the payment made and paid.
            created = await asyncio.to_thread(new_paid_payment, system)
            seen: list[str] = []
            ids: set[str] = set()
            # Heartbeats keep a silent stream open forever: a generous bound ends the wait.
            async with asyncio.timeout(STREAM_PATIENCE_SECONDS):
                while "card-debited" not in seen:
                    name, event = await anext_event(lines)
                    assert name == "event"
                    assert event["topic"] == "payments.v1"
                    # The relay publishes at least once: a copy has the same id, shown twice.
                    if event["subject"] == created["payment_id"] and event["id"] not in ids:
                        ids.add(event["id"])
                        seen.append(event["type"])
    assert seen[:2] == ["payment-initiated", "card-debited"]


def new_paid_payment(system: Stack) -> dict[str, Any]:
    with httpx.Client(timeout=30, follow_redirects=True) as client:
        created = create_payment(system, client)
        pay(system, client, created["payment_page_url"])
        return created


async def anext_event(lines: Any) -> tuple[str, dict[str, Any]]:
    """The next server-sent event (comments and retry lines skipped): its name and data."""
    name, data = "message", ""
    async for line in lines:
        if line.startswith("event: "):
            name = line.removeprefix("event: ")
        elif line.startswith("data: "):
            data = line.removeprefix("data: ")
        elif line == "" and data:
            return name, json.loads(data)
    raise AssertionError("the stream ended")

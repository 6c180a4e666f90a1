"""Dead letters with replay, and the reconciliation dashboard's figures, through ops-desk: a
letter parked by servicekit's own `park` is listed, replayed back onto its topic with its own id
(a second replay says no consumer handles it again), and a bank-only debit the settlement found
is counted among the open mismatches and the day's findings with its amount."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest
from aiokafka import AIOKafkaConsumer

from contracts.envelope import from_kafka
from contracts.ids import new_id
from devstack.stack import Stack
from servicekit.consumer_io import park
from servicekit.mongo import create_mongo_client

from .conftest import pay
from .ops_desk import ops_url, sign_in
from .test_cases_and_recon import bank_only, bank_session, settle_today
from .topics import expired

pytestmark = pytest.mark.e2e


async def test_a_dead_letter_is_listed_and_replayed_onto_its_topic(
    system: Stack, topic: str
) -> None:
    envelope = expired(new_id("pay"))
    client = create_mongo_client(system.mongo_url)
    letters = client["support_desk"]["dead_letters"]
    await park(letters, envelope, topic, "RuntimeError: cannot handle this yet", None)
    await park(letters, None, topic, "not a CloudEvent", b"junk")
    unreadable = await letters.find_one({"topic": topic, "envelope": None})
    await client.close()
    assert unreadable is not None

    async with httpx.AsyncClient(timeout=60) as http:
        ops = await async_sign_in(system, http)
        listed = (await http.get(ops_url(system, "/dead-letters"), headers=ops)).json()
        [row] = [item for item in listed["dead_letters"] if item["event_id"] == envelope.id]
        assert (row["service"], row["topic"], row["type"]) == ("support_desk", topic, envelope.type)
        assert row["subject"] == envelope.subject and "cannot handle" in row["error"]
        assert row["replays"] == 0

        replay = ops_url(system, f"/dead-letters/{row['id']}/replay")
        first = await http.post(replay, headers=ops)
        again = await http.post(replay, headers=ops)
        assert first.status_code == again.status_code == 200, (first.text, again.text)
        assert (first.json()["handled_again"], again.json()["handled_again"]) == (True, False)
        assert first.json()["event_id"] == envelope.id

        listed = (await http.get(ops_url(system, "/dead-letters"), headers=ops)).json()
        [row] = [item for item in listed["dead_letters"] if item["event_id"] == envelope.id]
        assert row["replays"] == 2 and row["replayed_at"]

        nothing = await http.post(
            ops_url(system, f"/dead-letters/{unreadable['_id']}/replay"), headers=ops
        )
        assert nothing.status_code == 409 and nothing.json()["code"] == "nothing_to_replay"
        unknown = await http.post(
            ops_url(system, "/dead-letters/0123456789abcdef01234567/replay"), headers=ops
        )
        assert unknown.status_code == 404 and unknown.json()["code"] == "dead_letter_not_found"

    assert await replayed_ids(system, topic) == [envelope.id, envelope.id]


async def async_sign_in(system: Stack, http: httpx.AsyncClient) -> dict[str, str]:
    answer = await http.post(
        f"{system.gateway_url}/api/support/auth/token",
        data={"username": "farid", "password": system.secrets["PORTAL_SUPPORT_OPS_PASSWORD"]},
    )
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


async def replayed_ids(system: Stack, topic: str) -> list[str]:
    """The ids of the events on the test's own topic (only the replays put any there)."""
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=system.kafka_bootstrap, auto_offset_reset="earliest"
    )
    await consumer.start()
    try:
        batches = await consumer.getmany(timeout_ms=5000)
        records = [record for batch in batches.values() for record in batch]
        return [from_kafka(list(r.headers), r.value or b"").id for r in records]
    finally:
        await consumer.stop()


def test_the_dashboard_counts_a_bank_only_debit_and_its_amount(system: Stack) -> None:
    with httpx.Client(timeout=60, follow_redirects=True) as client:
        ops = sign_in(system, client)

        def dashboard() -> dict[str, Any]:
            answer = client.get(ops_url(system, "/recon"), headers=ops)
            assert answer.status_code == 200, answer.text
            body: dict[str, Any] = answer.json()
            return body

        before = dashboard()
        order_id = new_id("pay")
        pay(system, client, bank_session(system, client, order_id))
        assert order_id in settle_today(system)
        deadline = time.monotonic() + 30
        while (
            bank_only((after := dashboard())["open_mismatches"])["open"]
            == bank_only(before["open_mismatches"])["open"]
        ):
            assert time.monotonic() < deadline, f"the dashboard never counted {order_id}"
            time.sleep(0.5)

    opened, was = bank_only(after["open_mismatches"]), bank_only(before["open_mismatches"])
    assert opened["open"] == was["open"] + 1
    assert opened["amount_qepik"] == was["amount_qepik"] + 777
    found = bank_only(after["events"])
    assert (found["from"], order_id in found["payments"]) == ("settlement", True)
    assert found["detected"] == bank_only(before["events"])["detected"] + 1

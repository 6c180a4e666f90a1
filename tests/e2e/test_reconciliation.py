"""Money taken but the service not activated is noticed by itself, once, and cleared when the
activation comes — through a reconciler crash — and the bank's settlement report is checked
against our payments."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import os
import sys
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from aiokafka import AIOKafkaConsumer

from contracts.envelope import from_kafka
from contracts.ids import new_id
from contracts.topics import Topic
from devstack.stack import Stack
from devstack.testing import TEST_TIMINGS
from tests.e2e.portal import Portal, digits
from tests.e2e.test_support import cases_of, sign_in

pytestmark = pytest.mark.e2e

DEADLINE = float(TEST_TIMINGS["PORTAL_RECONCILIATION_DEADLINE_SECONDS"])


@dataclass(frozen=True)
class Received:
    type: str
    id: str
    data: dict[str, Any]
    received_at: datetime


class ReconciliationFeed:
    """Everything on `reconciliation.v1` since the start of the run, as a support desk sees it."""

    def __init__(self, bootstrap: str) -> None:
        self._consumer = AIOKafkaConsumer(
            Topic.RECONCILIATION.value, bootstrap_servers=bootstrap, auto_offset_reset="earliest"
        )
        self._by_payment: dict[str, list[Received]] = defaultdict(list)
        self._reader: asyncio.Task[None] | None = None

    async def __aenter__(self) -> ReconciliationFeed:
        await self._consumer.start()
        self._reader = asyncio.create_task(self._read())
        return self

    async def __aexit__(self, *_: object) -> None:
        if self._reader is not None:
            self._reader.cancel()
        await self._consumer.stop()

    async def _read(self) -> None:
        async for record in self._consumer:
            envelope = from_kafka(list(record.headers), record.value or b"")
            self._by_payment[envelope.subject].append(
                Received(envelope.type, envelope.id, envelope.data, datetime.now(UTC))
            )

    async def wait_for(
        self, payment_id: str, event_type: str, seconds: float, copies: int = 1
    ) -> Received:
        deadline = time.monotonic() + seconds
        while len(found := self.of(payment_id, event_type)) < copies:
            assert time.monotonic() < deadline, (
                f"no {event_type} for {payment_id}: {self.count(payment_id)}"
            )
            await asyncio.sleep(0.05)
        return found[0]

    def of(self, payment_id: str, event_type: str) -> list[Received]:
        return [item for item in self._by_payment[payment_id] if item.type == event_type]

    def first(self, payment_id: str, event_type: str) -> Received:
        return self.of(payment_id, event_type)[0]

    def count(self, payment_id: str) -> dict[str, int]:
        return dict(Counter(item.type for item in self._by_payment[payment_id]))

    def ids(self, payment_id: str) -> set[str]:
        return {item.id for item in self._by_payment[payment_id]}


@pytest.fixture
async def feed(system: Stack) -> AsyncIterator[ReconciliationFeed]:
    async with ReconciliationFeed(system.kafka_bootstrap) as started:
        yield started


async def pay(portal: Portal, service_id: str, amount: str) -> str:
    created = await portal.start_payment(service_id, digits(8), amount)
    await portal.pay_on_bank_page(created["payment_page_url"])
    payment_id: str = created["payment_id"]
    return payment_id


async def _sweeps(system: Stack) -> float:
    async with httpx.AsyncClient() as client:
        text = (await client.get(f"http://127.0.0.1:{system.ports.reconciler}/metrics")).text
    return sum(
        float(line.split()[-1])
        for line in text.splitlines()
        if line.startswith("reconciler_sweeps_total ")
    )


async def _sweeps_after(system: Stack, count: float, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while await _sweeps(system) < count:
        assert time.monotonic() < deadline, "the reconciler's sweeps stopped"
        await asyncio.sleep(0.1)


@pytest.mark.money
async def test_a_debit_the_provider_sits_on_is_flagged_once_in_time_then_cleared(
    portal: Portal, feed: ReconciliationFeed, system: Stack
) -> None:
    await portal.provider_fault("citynet", complete_after_seconds=DEADLINE + 5)
    try:
        payment_id = await pay(portal, "citynet", "4.00")
        detected = await feed.wait_for(payment_id, "mismatch-detected", seconds=DEADLINE + 20)
        cleared = await feed.wait_for(payment_id, "mismatch-cleared", seconds=40)
    finally:
        await portal.clear_provider_faults("citynet")
    # A repeat would come from a later sweep's check: let three sweeps run, then the checks
    # they asked for reach the feed.
    await _sweeps_after(system, await _sweeps(system) + 3)
    await asyncio.sleep(0.5)

    data = detected.data
    assert data["kind"] == "debited_not_activated"
    assert (data["service_id"], data["debited"]["qepik"]) == ("citynet", 400)
    assert [entry["type"] for entry in data["trail"]][:2] == ["payment-initiated", "card-debited"]
    late_by = (detected.received_at - datetime.fromisoformat(data["deadline"])).total_seconds()
    assert late_by <= 2.0, f"detected {late_by:.2f}s after the deadline"
    assert (cleared.data["kind"], cleared.data["cleared_by"]) == (
        "debited_not_activated",
        "provider-activated",
    )
    assert feed.count(payment_id) == {"mismatch-detected": 1, "mismatch-cleared": 1}
    assert (await portal.payment(payment_id))["state"] == "completed"


@pytest.mark.money
async def test_a_reconciler_killed_mid_run_loses_no_alert_and_doubles_none(
    portal: Portal, feed: ReconciliationFeed, system: Stack
) -> None:
    await portal.provider_fault("connect", complete_after_seconds=DEADLINE + 12)
    try:
        flagged_before = await pay(portal, "connect", "5.00")
        await feed.wait_for(flagged_before, "mismatch-detected", seconds=DEADLINE + 20)
        due_while_down = await pay(portal, "connect", "6.00")
        await portal.wait_for_state(due_while_down, {"debited"}, seconds=15)

        system.processes["reconciler"].kill()
        await asyncio.sleep(DEADLINE)  # its deadline passes while nobody watches
        await asyncio.to_thread(system.restart, "reconciler")

        await feed.wait_for(due_while_down, "mismatch-detected", seconds=60)
        for payment_id in (flagged_before, due_while_down):
            await feed.wait_for(payment_id, "mismatch-cleared", seconds=60)
    finally:
        await portal.clear_provider_faults("connect")
    await asyncio.sleep(1.5)

    for payment_id in (flagged_before, due_while_down):
        assert feed.count(payment_id) == {"mismatch-detected": 1, "mismatch-cleared": 1}


@pytest.mark.money
async def test_a_settlement_report_with_three_planted_discrepancies_gives_three_mismatches(
    portal: Portal, feed: ReconciliationFeed, system: Stack
) -> None:
    day = datetime.now(UTC).date()
    stranger = await debit_an_order_we_never_made(portal, system)
    unknown_to_bank = await debit_without_the_bank(portal, system)
    cut = await pay(portal, "sazz", "7.00")
    assert (await portal.wait_for_state(cut, {"completed"}))["state"] == "completed"
    await bank_request(
        portal,
        system,
        "/refunds",
        {"refund_id": f"ops-{uuid.uuid4().hex}", "order_id": cut, "amount_qepik": 100},
    )

    summary = await run_settle(system, day.isoformat())

    planted = {
        stranger: "bank_only",
        unknown_to_bank: "ours_only",
        cut: "bank_amount_differs",
    }
    for payment_id, kind in planted.items():
        found = await feed.wait_for(payment_id, "mismatch-detected", seconds=15)
        assert found.data["kind"] == kind, summary
        assert payment_id in summary
    assert "bank-refund 1.00 AZN" in json.dumps(feed.first(cut, "mismatch-detected").data)

    await run_settle(system, day.isoformat())  # a second run repeats the very same events
    await feed.wait_for(cut, "mismatch-detected", seconds=15, copies=2)
    for payment_id in planted:
        assert len(feed.ids(payment_id)) == 1

    supervisor = await sign_in(portal, "leyla", "supervisor")
    for payment_id in planted:  # and support-desk has exactly one case for each
        cases = await portal.wait_until(
            lambda p=payment_id: cases_of(portal, supervisor, p), bool, 15
        )
        assert len(cases) == 1, (payment_id, cases)


async def debit_an_order_we_never_made(portal: Portal, system: Stack) -> str:
    """A card page opened at the bank in our name, for an order checkout never created."""
    order_id = new_id("pay")
    session = await bank_request(
        portal,
        system,
        "/sessions",
        {
            "order_id": order_id,
            "amount_qepik": 777,
            "currency": "AZN",
            "description": "not ours",
            "return_url": f"{system.sandbox_url}/healthz",
            "callback_url": system.shared_env()["PORTAL_CALLBACK_URL"],
        },
    )
    await portal.pay_on_bank_page(session["payment_page_url"])
    assert (await portal.bank_ledger(order_id))["debits"] == 1
    return order_id


async def debit_without_the_bank(portal: Portal, system: Stack) -> str:
    """Checkout told of a debit (a callback signed with the bank's key) the bank never made."""
    created = await portal.start_payment("sazz", digits(8), "3.00")
    payment_id: str = created["payment_id"]
    body = json.dumps(
        {
            "event_id": f"bev_{uuid.uuid4().hex}",
            "session_id": "ses_planted",
            "order_id": payment_id,
            "status": "debited",
            "amount_qepik": created["total"]["qepik"],
            "bank_reference": "RRN-PLANTED",
            "decline_reason": None,
            "bank_code": "00",
            "occurred_at": datetime.now(UTC).isoformat(),
        }
    ).encode()
    timestamp = str(int(time.time()))
    secret = system.secrets["PORTAL_BANK_CALLBACK_SECRET"].encode()
    signature = hmac.new(secret, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    answer = await portal.http.post(
        f"{system.gateway_url}/api/payments/bank-callbacks",
        content=body,
        headers={
            "X-Bank-Timestamp": timestamp,
            "X-Bank-Signature": signature,
            "Content-Type": "application/json",
        },
    )
    assert answer.status_code == 200, answer.text
    assert (await portal.wait_for_state(payment_id, {"completed"}))["state"] == "completed"
    return payment_id


async def bank_request(
    portal: Portal, system: Stack, path: str, body: dict[str, Any]
) -> dict[str, Any]:
    """Signed like checkout signs (docs/protocols.md §1)."""
    raw = json.dumps(body).encode()
    timestamp = str(int(time.time()))
    secret = system.secrets["PORTAL_BANK_MERCHANT_SECRET"].encode()
    message = f"{timestamp}.POST./bank{path}.".encode() + raw
    response = await portal.http.post(
        f"{system.sandbox_url}/bank{path}",
        content=raw,
        headers={
            "X-Merchant-Id": "portal",
            "X-Timestamp": timestamp,
            "X-Signature": hmac.new(secret, message, hashlib.sha256).hexdigest(),
            "Content-Type": "application/json",
        },
    )
    assert response.status_code < 300, response.text
    answer: dict[str, Any] = response.json()
    return answer


async def run_settle(system: Stack, day: str) -> str:
    job = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "reconciler",
        "settle",
        "--date",
        day,
        env={**os.environ, **system.service_env("reconciler", system.ports.reconciler)},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(job.communicate(), timeout=60)
    assert job.returncode == 0, err.decode()
    return out.decode()

"""The daily registry: the payments the providers completed that day, signed, and wrong only
where a test injected it (a row dropped, a stranger added, an amount altered)."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import httpx

from .conftest import SECRET, FakeClock

RestCall = Callable[..., Awaitable[httpx.Response]]

DAY = datetime.fromtimestamp(1_750_000_000, UTC).date().isoformat()
REGISTRY = f"/providers/registry/{DAY}.csv"
PAY = {"command": "pay", "account": "701234567", "txn_date": "20250615120000"}


async def pay_osmp(client: httpx.AsyncClient, txn_id: str, total: str) -> None:
    answer = await client.get("/providers/osmp/nar", params={**PAY, "txn_id": txn_id, "sum": total})
    assert "<result>0</result>" in answer.text


async def registry(rest: RestCall) -> list[list[str]]:
    answer = await rest("GET", REGISTRY)
    assert answer.status_code == 200, answer.text
    return [line.split(";") for line in answer.text.splitlines()]


async def test_the_registry_lists_each_completed_payment_once_with_a_total(
    client: httpx.AsyncClient, rest: RestCall
) -> None:
    await pay_osmp(client, "pay_1", "5.00")
    await pay_osmp(client, "pay_1", "5.00")  # a repeated pay is one payment
    paid = await rest(
        "POST",
        "/providers/rest/azersu/payments",
        {"transaction_id": "pay_2", "account": "AB-12/3", "amount_qepik": 2550},
    )
    assert paid.status_code == 201
    await client.put("/providers/_control/faults/nar", json={"reject_code": 7})
    rejected = await client.get(
        "/providers/osmp/nar", params={**PAY, "txn_id": "pay_3", "sum": "1.00"}
    )
    assert "<result>7</result>" in rejected.text

    lines = await registry(rest)

    assert lines[0] == ["txn_id", "prv_txn", "service_id", "account", "sum", "txn_date"]
    assert [(row[0], row[2], row[4]) for row in lines[1:-1]] == [
        ("pay_1", "nar", "5.00"),
        ("pay_2", "azersu", "25.50"),
    ]
    assert all(row[1].startswith("PRV") for row in lines[1:-1])
    assert lines[-1] == ["total", "2", "30.50"]


async def test_a_payment_still_pending_is_not_in_the_registry_until_it_completes(
    client: httpx.AsyncClient, rest: RestCall, clock: FakeClock
) -> None:
    await client.put("/providers/_control/faults/nar", json={"complete_after_seconds": 60})
    await pay_osmp_pending(client, "pay_1")
    assert len(await registry(rest)) == 2  # the header and the total

    clock.advance(61)
    assert [row[0] for row in (await registry(rest))[1:-1]] == ["pay_1"]


async def pay_osmp_pending(client: httpx.AsyncClient, txn_id: str) -> None:
    answer = await client.get(
        "/providers/osmp/nar", params={**PAY, "txn_id": txn_id, "sum": "2.00"}
    )
    assert "<result>90</result>" in answer.text


async def test_the_registry_is_signed_with_the_providers_key_and_asked_for_signed(
    client: httpx.AsyncClient, rest: RestCall
) -> None:
    answer = await rest("GET", REGISTRY)
    message = f"{answer.headers['X-Timestamp']}.".encode() + answer.content
    expected = hmac.new(SECRET.encode(), message, hashlib.sha256).hexdigest()
    assert answer.headers["X-Signature"] == expected

    assert (await client.get(REGISTRY)).status_code == 401
    assert (await rest("GET", REGISTRY, secret="wrong-secret")).status_code == 401


async def test_injected_faults_drop_add_and_alter_rows_and_the_total_follows(
    client: httpx.AsyncClient, rest: RestCall
) -> None:
    for txn_id in ("pay_1", "pay_2", "pay_3"):
        await pay_osmp(client, txn_id, "5.00")
    faults = {
        "drop": ["pay_1"],
        "add": [
            {"txn_id": "pay_x", "service_id": "nar", "account": "700000001", "amount_qepik": 99}
        ],
        "alter": {"pay_2": 450},
    }
    assert (await client.put("/providers/_control/registry/faults", json=faults)).status_code == 200

    rows = {row[0]: row[4] for row in (await registry(rest))[1:-1]}
    assert rows == {"pay_2": "4.50", "pay_3": "5.00", "pay_x": "0.99"}
    assert (await registry(rest))[-1] == ["total", "3", "10.49"]

    await client.delete("/providers/_control/registry/faults")
    assert [row[0] for row in (await registry(rest))[1:-1]] == ["pay_1", "pay_2", "pay_3"]

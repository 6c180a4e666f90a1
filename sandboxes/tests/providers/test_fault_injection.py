"""Faults injected per service_id change what the next pay calls see, and nothing else."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

RestCall = Callable[..., Awaitable[httpx.Response]]

FAULTS = "/providers/_control/faults/nar"
PAY = {"command": "pay", "account": "701234567", "sum": "5.00", "txn_date": "20250101120000"}


async def osmp_result(client: httpx.AsyncClient, **params: str) -> str:
    response = await client.get("/providers/osmp/nar", params=params)
    return response.text.split("<result>")[1].split("</result>")[0]


async def ledger(client: httpx.AsyncClient, txn_id: str) -> dict[str, Any]:
    response = await client.get(f"/providers/_control/ledger/nar/{txn_id}")
    return dict(response.json())


async def test_a_5xx_fault_fails_the_next_pay_without_paying(client: httpx.AsyncClient) -> None:
    await client.put(FAULTS, json={"errors_5xx": 1})
    failed = await client.get("/providers/osmp/nar", params={**PAY, "txn_id": "pay_1"})
    after_failure = await ledger(client, "pay_1")
    retried = await osmp_result(client, **PAY, txn_id="pay_1")
    assert failed.status_code == 500
    assert after_failure == {
        "pay_calls": 1,
        "payments_recorded": 0,
        "status_queries": 0,
        "status": "not_found",
    }
    assert retried == "0"
    assert (await ledger(client, "pay_1"))["payments_recorded"] == 1


async def test_an_unknown_outcome_pays_but_loses_the_answer(client: httpx.AsyncClient) -> None:
    await client.put(FAULTS, json={"unknown_outcome": 1})
    failed = await client.get("/providers/osmp/nar", params={**PAY, "txn_id": "pay_2"})
    status = await osmp_result(client, command="status", txn_id="pay_2")
    assert failed.status_code == 500
    assert status == "0"
    assert await ledger(client, "pay_2") == {
        "pay_calls": 1,
        "payments_recorded": 1,
        "status_queries": 1,  # the status command above
        "status": "completed",
    }


@pytest.mark.parametrize(("unknown_outcome", "recorded"), [(0, 0), (1, 1)])
async def test_a_timeout_fault_hangs_and_pays_only_with_unknown_outcome(
    rest: RestCall, client: httpx.AsyncClient, unknown_outcome: int, recorded: int
) -> None:
    await client.put(FAULTS, json={"timeouts": 1, "unknown_outcome": unknown_outcome})
    started = time.monotonic()
    payment = {"transaction_id": "pay_3", "account": "701234567", "amount_qepik": 500}
    hung = await rest("POST", "/providers/rest/nar/payments", payment)
    assert time.monotonic() - started >= 0.3  # the hang the test settings allow
    assert hung.status_code == 504
    assert (await ledger(client, "pay_3"))["payments_recorded"] == recorded


async def test_payments_stay_pending_until_complete_after_seconds(
    client: httpx.AsyncClient, clock: Any
) -> None:
    await client.put(FAULTS, json={"complete_after_seconds": 30})
    first = await osmp_result(client, **PAY, txn_id="pay_4")
    clock.advance(29)
    still = await osmp_result(client, command="status", txn_id="pay_4")
    clock.advance(2)
    done = await osmp_result(client, command="status", txn_id="pay_4")
    repeat = await osmp_result(client, **PAY, txn_id="pay_4")
    assert (first, still, done, repeat) == ("90", "90", "0", "0")
    assert (await ledger(client, "pay_4"))["payments_recorded"] == 1


async def test_a_reject_code_refuses_every_new_pay_in_both_families(
    rest: RestCall, client: httpx.AsyncClient
) -> None:
    await client.put(FAULTS, json={"reject_code": 79})
    osmp = await osmp_result(client, **PAY, txn_id="pay_5")
    payment = {"transaction_id": "pay_6", "account": "701234567", "amount_qepik": 500}
    answer = (await rest("POST", "/providers/rest/nar/payments", payment)).json()
    assert osmp == "79"
    assert (answer["status"], answer["code"], answer["message"]) == (
        "rejected",
        "79",
        "account blocked",
    )


async def test_lookup_down_fails_checks_but_not_payments(
    rest: RestCall, client: httpx.AsyncClient
) -> None:
    await client.put(FAULTS, json={"lookup_down": True})
    check = await osmp_result(client, command="check", account="701234567")
    lookup = await rest("POST", "/providers/rest/nar/accounts/lookup", {"account": "701234567"})
    pay = await osmp_result(client, **PAY, txn_id="pay_7")
    assert check == "1"
    assert lookup.status_code == 503
    assert pay == "0"


async def test_latency_slows_every_call(client: httpx.AsyncClient) -> None:
    await client.put(FAULTS, json={"latency_ms": 200})
    started = time.monotonic()
    await osmp_result(client, command="check", account="701234567")
    assert time.monotonic() - started >= 0.2


async def test_faults_belong_to_one_service_and_delete_clears_them(
    client: httpx.AsyncClient,
) -> None:
    await client.put(FAULTS, json={"errors_5xx": 5})
    other = await client.get("/providers/osmp/bakcell", params={**PAY, "txn_id": "pay_8"})
    cleared = await client.delete(FAULTS)
    after = await osmp_result(client, **PAY, txn_id="pay_9")
    assert other.status_code == 200
    assert cleared.status_code == 204
    assert after == "0"


async def test_a_put_replaces_the_faults_and_refuses_nonsense(client: httpx.AsyncClient) -> None:
    await client.put(FAULTS, json={"errors_5xx": 2, "latency_ms": 10})
    await client.put(FAULTS, json={"reject_code": 7})
    current = (await client.get(FAULTS)).json()
    negative = await client.put(FAULTS, json={"timeouts": -1})
    unknown = await client.put(FAULTS, json={"explode": True})
    assert (current["errors_5xx"], current["latency_ms"], current["reject_code"]) == (0, 0, 7)
    assert negative.status_code == unknown.status_code == 422

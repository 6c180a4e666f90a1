"""`cases list` and `recon report` on a case the reconciler opened: the bank debited an order we
never made, the settlement job found it (bank_only), support-desk opened a case for it."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from contracts.ids import new_id
from devstack.stack import Stack

from .conftest import Cli, pay

pytestmark = pytest.mark.integration

SLA_HOURS = 24  # support-desk's reconciliation_mismatch category


def bank_session(system: Stack, client: httpx.Client, order_id: str) -> str:
    """A card page opened at the bank in our name (signed as checkout signs, protocols.md §1)."""
    body = {
        "order_id": order_id,
        "amount_qepik": 777,
        "currency": "AZN",
        "description": "not ours",
        "return_url": f"{system.sandbox_url}/healthz",
        "callback_url": system.shared_env()["PORTAL_CALLBACK_URL"],
    }
    raw = json.dumps(body).encode()
    timestamp = str(int(time.time()))
    secret = system.secrets["PORTAL_BANK_MERCHANT_SECRET"].encode()
    message = f"{timestamp}.POST./bank/sessions.".encode() + raw
    signature = hmac.new(secret, message, hashlib.sha256).hexdigest()
    headers = {"X-Merchant-Id": "portal", "X-Timestamp": timestamp, "X-Signature": signature}
    answer = client.post(
        f"{system.sandbox_url}/bank/sessions",
        content=raw,
        headers={**headers, "Content-Type": "application/json"},
    )
    assert answer.status_code < 300, answer.text
    page: str = answer.json()["payment_page_url"]
    return page


def settle_today(system: Stack) -> str:
    env = {**os.environ, **system.service_env("reconciler", system.ports.reconciler)}
    day = datetime.now(UTC).date().isoformat()
    done = subprocess.run(
        [sys.executable, "-m", "reconciler", "settle", "--date", day],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def cases(cli: Cli, *args: str) -> list[dict[str, Any]]:
    done = cli("cases", "list", "--json", *args)
    assert done.returncode == 0, done.stderr
    found: list[dict[str, Any]] = json.loads(done.stdout)
    return found


def report(cli: Cli) -> dict[str, Any]:
    done = cli("recon", "report", "--json")
    assert done.returncode == 0, done.stderr
    found: dict[str, Any] = json.loads(done.stdout)
    return found


def bank_only(rows: list[dict[str, Any]]) -> dict[str, Any]:
    empty = {"open": 0, "amount_qepik": 0, "detected": 0, "payments": []}
    return next((row for row in rows if row["kind"] == "bank_only"), empty)


@pytest.fixture(scope="module")
def planted(system: Stack, cli: Cli) -> tuple[str, dict[str, Any]]:
    """A bank-only debit settled: its payment id, and the report as it was before."""
    before = report(cli)
    order_id = new_id("pay")
    with httpx.Client(timeout=30, follow_redirects=True) as client:
        pay(system, client, bank_session(system, client, order_id))
    assert order_id in settle_today(system)
    return order_id, before


def test_the_case_the_reconciler_opened_is_listed_with_its_sla_left(
    cli: Cli, planted: tuple[str, dict[str, Any]]
) -> None:
    order_id, _ = planted
    deadline = time.monotonic() + 30
    while not (
        mine := [
            case for case in cases(cli, "--kind", "bank_only") if case["payment_id"] == order_id
        ]
    ):
        assert time.monotonic() < deadline, f"no case for {order_id}"
        time.sleep(0.5)
    [case] = mine
    assert (case["kind"], case["automatic"], case["state"]) == ("bank_only", True, "new")
    assert case["amount_qepik"] == 777
    assert SLA_HOURS * 3600 - 120 < case["sla_left_seconds"] <= SLA_HOURS * 3600

    table = cli("cases", "list")
    row = next(line for line in table.stdout.splitlines() if order_id in line)
    assert row.split()[0] == "23h" and row.split()[2:4] == [case["ticket_id"], "bank_only"]
    assert row.split()[-2:] == ["7.77", "AZN"]
    assert order_id not in cli("cases", "list", "--kind", "ours_only").stdout


def test_the_report_counts_the_open_mismatch_and_the_days_settlement_finding(
    cli: Cli, planted: tuple[str, dict[str, Any]]
) -> None:
    order_id, before = planted
    deadline = time.monotonic() + 30
    while (
        bank_only((after := report(cli))["open_mismatches"])["open"]
        == bank_only(before["open_mismatches"])["open"]
    ):
        assert time.monotonic() < deadline, f"the report never counted {order_id}: {after}"
        time.sleep(0.5)

    opened, was = bank_only(after["open_mismatches"]), bank_only(before["open_mismatches"])
    assert opened["open"] == was["open"] + 1
    assert opened["amount_qepik"] == was["amount_qepik"] + 777
    found = bank_only(after["events"])
    assert (found["from"], order_id in found["payments"]) == ("settlement", True)
    assert found["detected"] == bank_only(before["events"])["detected"] + 1

    text = cli("recon", "report").stdout
    assert "open mismatches" in text and "reconciliation.v1 on" in text
    line = next(
        line for line in text.splitlines() if line.split()[:2] == ["bank_only", "settlement"]
    )
    assert line.split()[2] == str(found["detected"])

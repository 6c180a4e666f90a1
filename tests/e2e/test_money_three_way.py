"""Three-way reconciliation over a short run: the bank's settlement, our events and a providers'
registry with a row dropped, one added and one altered give one finding (one case) each, the
report says so, and a rerun sends nothing new."""

from __future__ import annotations

import asyncio
import csv
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from contracts.ids import new_id
from devstack.stack import Stack
from tests.e2e.portal import Portal
from tests.e2e.test_reconciliation import ReconciliationFeed, feed, pay
from tests.e2e.test_support import cases_of, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.money]

__all__ = ["feed"]  # the fixture, used by name


async def run_three_way(system: Stack, day: str, report_dir: Path) -> str:
    job = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "reconciler",
        "three-way",
        "--date",
        day,
        "--report-dir",
        str(report_dir),
        env={**os.environ, **system.service_env("reconciler", system.ports.reconciler)},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(job.communicate(), timeout=90)
    assert job.returncode == 0, err.decode()
    return out.decode()


async def test_a_registry_that_drops_adds_and_alters_rows_gives_one_case_per_finding(
    portal: Portal, feed: ReconciliationFeed, system: Stack, tmp_path: Path
) -> None:
    day = datetime.now(UTC).date().isoformat()
    dropped, altered, agreed = [await pay(portal, "sazz", f"{n}.00") for n in (3, 4, 5)]
    for payment_id in (dropped, altered, agreed):
        assert (await portal.wait_for_state(payment_id, {"completed"}))["state"] == "completed"
    stranger = new_id("pay")  # a payment the provider claims and nobody made
    faults = {
        "drop": [dropped],
        "add": [
            {"txn_id": stranger, "service_id": "nar", "account": "701110000", "amount_qepik": 990}
        ],
        "alter": {altered: 450},
    }
    url = f"{system.sandbox_url}/providers/_control/registry/faults"
    assert (await portal.http.put(url, json=faults)).status_code == 200
    try:
        report = await run_three_way(system, day, tmp_path)
        sys.stdout.write(report)  # the daily report, as an operator reads it (pytest -s)
        planted = {
            dropped: "ours_only_at_provider",
            stranger: "provider_only",
            altered: "provider_amount_differs",
        }
        for payment_id, kind in planted.items():
            found = await feed.wait_for(payment_id, "mismatch-detected", seconds=15)
            assert found.data["kind"] == kind, report
            assert f"{kind:<24}{payment_id}" in report
        assert feed.first(altered, "mismatch-detected").data["at_provider"]["qepik"] == 450
        assert feed.first(altered, "mismatch-detected").data["activated"]["qepik"] == 400
        assert agreed not in report

        again = await run_three_way(system, day, tmp_path)
    finally:
        await portal.http.delete(url)
    assert "events: 0 sent" in again, again
    await asyncio.sleep(1.0)  # a copy sent by the rerun would be on the feed by now
    for payment_id in planted:
        assert feed.count(payment_id) == {"mismatch-detected": 1}

    with (tmp_path / f"three-way-{day}.csv").open() as written:
        per_kind = {row["kind"]: row for row in csv.DictReader(written)}
    assert int(per_kind["provider_only"]["count"]) >= 1
    assert int(per_kind["provider_amount_differs"]["amount_qepik"]) >= 50  # 4.00 vs 4.50 AZN
    with (tmp_path / f"three-way-{day}-findings.csv").open() as written:
        findings = {row["payment_id"]: row["kind"] for row in csv.DictReader(written)}
    assert all(findings[payment_id] == kind for payment_id, kind in planted.items())

    supervisor = await sign_in(portal, "leyla", "supervisor")
    for payment_id in planted:
        cases = await portal.wait_until(
            lambda p=payment_id: cases_of(portal, supervisor, p), bool, 15
        )
        assert len(cases) == 1, (payment_id, cases)

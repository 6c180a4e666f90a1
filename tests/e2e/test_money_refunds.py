"""A refund the bank does not confirm within its deadline opens one case, with the facts and in
words; when the bank confirms it at last, the case closes itself."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from devstack.stack import Stack
from devstack.testing import TEST_TIMINGS
from tests.e2e.portal import Portal
from tests.e2e.test_reconciliation import ReconciliationFeed, _sweeps, _sweeps_after, feed, pay
from tests.e2e.test_support import api, cases_of, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.money]

REFUND_DEADLINE = float(TEST_TIMINGS["PORTAL_REFUND_DEADLINE_SECONDS"])
ACTIVATION_DEADLINE = float(TEST_TIMINGS["PORTAL_RECONCILIATION_DEADLINE_SECONDS"])
PAYMENT_FORBIDDEN = 7  # OSMP: the provider refuses the payment for good, so checkout refunds

__all__ = ["feed"]  # the fixture, used by name


async def bank_refunds(portal: Portal, *, unavailable: bool) -> None:
    answer = await portal.http.put(
        f"{portal.system.sandbox_url}/bank/_control/refunds", json={"unavailable": unavailable}
    )
    assert answer.status_code == 200, answer.text


async def test_a_refund_the_bank_sits_on_is_one_case_that_closes_when_the_bank_confirms(
    portal: Portal, feed: ReconciliationFeed, system: Stack
) -> None:
    await portal.provider_fault("azeurotel", reject_code=PAYMENT_FORBIDDEN)
    await bank_refunds(portal, unavailable=True)
    try:
        payment_id = await pay(portal, "azeurotel", "6.00")
        await portal.wait_for_state(payment_id, {"refund_pending"}, seconds=20)
        detected = await feed.wait_for(
            payment_id, "mismatch-detected", seconds=REFUND_DEADLINE + 20
        )
        # Past the activation deadline too, and three sweeps later: still flagged once, for the
        # refund (a requested refund is a final outcome, not a missing activation).
        debited_at = next(
            datetime.fromisoformat(entry["time"])
            for entry in detected.data["trail"]
            if entry["type"] == "card-debited"
        )
        activation_due = debited_at + timedelta(seconds=ACTIVATION_DEADLINE)
        await asyncio.sleep(max((activation_due - datetime.now(UTC)).total_seconds(), 0))
        await _sweeps_after(system, await _sweeps(system) + 3)
        await asyncio.sleep(0.5)  # the checks those sweeps asked for reach the feed
        assert feed.count(payment_id) == {"mismatch-detected": 1}
        assert (await portal.payment(payment_id))["state"] == "refund_pending"
    finally:
        await bank_refunds(portal, unavailable=False)
        await portal.clear_provider_faults("azeurotel")

    data = detected.data
    assert data["kind"] == "refund_not_confirmed"
    assert data["debited"]["qepik"] == 600 and data["expected"]["qepik"] >= 600
    assert "has not confirmed" in data["note"]
    assert "refund-requested" in [entry["type"] for entry in data["trail"]]

    supervisor = await sign_in(portal, "leyla", "supervisor")
    cases = await portal.wait_until(lambda: cases_of(portal, supervisor, payment_id), bool, 20)
    assert len(cases) == 1, cases
    case_url = api(portal, f"/{cases[0]['ticket_id']}")

    async def case() -> dict[str, Any]:
        view: dict[str, Any] = (await portal.http.get(case_url, headers=supervisor)).json()
        return view

    cleared = await feed.wait_for(payment_id, "mismatch-cleared", seconds=30)
    assert (cleared.data["kind"], cleared.data["cleared_by"]) == (
        "refund_not_confirmed",
        "payment-refunded",
    )
    closed = await portal.wait_until(case, lambda c: c["state"] == "resolved", 20)
    assert closed["mismatch_kind"] == "refund_not_confirmed"
    assert "has not confirmed" in closed["facts"]["what_happened"]
    assert closed["facts"]["kind_ru"] == "Банк вовремя не подтвердил возврат"
    assert "payment-refunded" in closed["resolution"]
    assert (await portal.payment(payment_id))["state"] == "refunded"
    assert (await portal.bank_ledger(payment_id))["refunds"] == 1
    assert feed.count(payment_id) == {"mismatch-detected": 1, "mismatch-cleared": 1}
    assert len(await cases_of(portal, supervisor, payment_id)) == 1

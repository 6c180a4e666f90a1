"""The FAQ's "money was taken but the service was not activated", end to end: the provider sits
on a paid payment, the reconciler notices by itself, support-desk opens one case, and when the
provider finally activates, the payment completes and the case closes itself."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from devstack.testing import TEST_TIMINGS
from tests.e2e.portal import FINAL_STATES, Portal, unique_phone
from tests.e2e.test_support import api, cases_of, sign_in

pytestmark = pytest.mark.e2e

DEADLINE = float(TEST_TIMINGS["PORTAL_RECONCILIATION_DEADLINE_SECONDS"])
STUCK_FOR = DEADLINE + 6  # the provider answers "in progress" this long, then completes


async def test_a_stuck_activation_opens_one_case_that_closes_when_the_provider_activates(
    portal: Portal,
) -> None:
    await portal.provider_fault("bakcell", complete_after_seconds=STUCK_FOR)
    try:
        created = await portal.start_payment("bakcell", unique_phone("99"), "8.00")
        payment_id = created["payment_id"]
        await portal.pay_on_bank_page(created["payment_page_url"])
        debited = await portal.wait_for_state(payment_id, {"debited", *FINAL_STATES})
        assert debited["state"] == "debited"
        debited_at = datetime.fromisoformat(debited["history"][1]["at"])

        supervisor = await sign_in(portal, "leyla", "supervisor")
        cases = await portal.wait_until(
            lambda: cases_of(portal, supervisor, payment_id), bool, DEADLINE + 10
        )
        opened_after = (datetime.now(UTC) - debited_at).total_seconds()
        assert len(cases) == 1
        assert opened_after <= DEADLINE + 2 + 1.5, (
            f"case opened {opened_after:.1f}s after the debit"
        )

        completed = await portal.wait_for_state(payment_id, FINAL_STATES, seconds=STUCK_FOR + 20)
        assert completed["state"] == "completed"

        async def case() -> dict[str, Any]:
            url = api(portal, f"/{cases[0]['ticket_id']}")
            view: dict[str, Any] = (await portal.http.get(url, headers=supervisor)).json()
            return view

        closed = await portal.wait_until(case, lambda c: c["state"] == "resolved", 20)
        assert closed["state"] == "resolved"
        assert "provider-activated" in closed["resolution"]
        assert len(await cases_of(portal, supervisor, payment_id)) == 1
        assert (await portal.provider_ledger("bakcell", payment_id))["payments_recorded"] == 1
    finally:
        await portal.clear_provider_faults("bakcell")

"""The provider gives the service after we refunded the customer: the customer has both, which
nobody would notice by themselves. It is one case of its own, for a person to settle."""

from __future__ import annotations

import pytest

from tests.e2e.portal import Portal
from tests.e2e.test_case_actions import SERVICE, act, case_view, debited_with_a_case
from tests.e2e.test_reconciliation import ReconciliationFeed, feed
from tests.e2e.test_support import cases_of

pytestmark = [pytest.mark.e2e, pytest.mark.money]

__all__ = ["feed"]  # the fixture, used by name

# The provider finishes the pay 30 s after it got it: after the activation deadline (20 s), so the
# payment's case opens and a specialist refunds it in the meantime.
COMPLETES_AFTER_SECONDS = 30


async def test_an_activation_after_our_refund_opens_one_case_of_its_own(
    portal: Portal, feed: ReconciliationFeed
) -> None:
    try:
        payment_id, ticket_id, leyla = await debited_with_a_case(
            portal, complete_after_seconds=COMPLETES_AFTER_SECONDS
        )
        refund = await act(portal, leyla, ticket_id, kind="refund", note="Provayder cavab vermir")
        assert refund.status_code == 202, refund.text
        refunded = await portal.wait_for_state(payment_id, {"refunded"}, seconds=30)
        assert refunded["state"] == "refunded", refunded["history"]

        late = await portal.wait_until(
            lambda: _detected_kinds(feed, payment_id),
            lambda kinds: "activated_after_refund" in kinds,
            COMPLETES_AFTER_SECONDS + 40,
        )
        assert late.count("activated_after_refund") == 1, late
        ledger = await portal.provider_ledger(SERVICE, payment_id)
        assert ledger["status"] == "completed"  # the customer has the service…
        assert (await portal.bank_ledger(payment_id))["refunds"] == 1  # …and the money back
        cases = await portal.wait_until(
            lambda: cases_of(portal, leyla, payment_id), lambda found: len(found) == 2, 15
        )
        views = [await case_view(portal, leyla, case["ticket_id"]) for case in cases]
        kinds = sorted(view["mismatch_kind"] for view in views)
        assert kinds == ["activated_after_refund", "debited_not_activated"], views
        detected = next(
            item
            for item in feed.of(payment_id, "mismatch-detected")
            if item.data["kind"] == "activated_after_refund"
        )
        assert detected.data.get("note"), detected.data  # says what happened, for the person
    finally:
        await portal.clear_provider_faults(SERVICE)


async def _detected_kinds(feed: ReconciliationFeed, payment_id: str) -> list[str]:
    return [item.data["kind"] for item in feed.of(payment_id, "mismatch-detected")]

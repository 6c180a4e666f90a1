"""The bank's side diverging from ours: a card charged another amount than we asked is one case
from the event streams, at once; a debit the bank books twice is one case from its settlement
report, however often the report is checked."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from devstack.stack import Stack
from tests.e2e.portal import Portal, digits
from tests.e2e.test_reconciliation import ReconciliationFeed, feed, pay, run_settle
from tests.e2e.test_support import cases_of, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.money]

__all__ = ["feed"]  # the fixture, used by name


@pytest.fixture
async def bank_faults(portal: Portal) -> AsyncIterator[None]:
    yield
    await set_bank_faults(portal)  # back to none, whatever the test left


async def set_bank_faults(portal: Portal, **faults: int) -> None:
    answer = await portal.http.put(f"{portal.system.sandbox_url}/bank/_control/faults", json=faults)
    assert answer.status_code == 200, answer.text


async def test_a_card_charged_more_than_we_asked_is_one_case_naming_both_amounts(
    portal: Portal, feed: ReconciliationFeed, bank_faults: None
) -> None:
    await set_bank_faults(portal, overcharge_qepik=45)
    payment_id = await pay(portal, "sazz", "8.00")
    await set_bank_faults(portal)

    # The service is given (the customer paid for it); the bank's extra 0.45 AZN is the case.
    payment = await portal.wait_for_state(payment_id, {"completed"})
    detected = await feed.wait_for(payment_id, "mismatch-detected", seconds=20)

    assert detected.data["kind"] == "debit_amount_differs"
    charged = payment["total"]["qepik"] + 45
    assert (
        f"The bank debited {charged // 100}.{charged % 100:02d} AZN "
        f"for a payment of {payment['total']['text']}"
    ) in str(detected.data)
    supervisor = await sign_in(portal, "leyla", "supervisor")
    cases = await portal.wait_until(lambda: cases_of(portal, supervisor, payment_id), bool, 15)
    assert len(cases) == 1
    assert feed.count(payment_id) == {"mismatch-detected": 1}


async def test_a_debit_the_bank_books_twice_is_one_case_from_its_settlement_report(
    portal: Portal, feed: ReconciliationFeed, system: Stack, bank_faults: None
) -> None:
    await set_bank_faults(portal, double_bookings=1)
    email = f"booked-twice-{digits(6)}@example.az"
    created = await portal.start_payment("sazz", digits(8), "6.00", email=email)
    await portal.pay_on_bank_page(created["payment_page_url"])
    payment_id: str = created["payment_id"]
    assert (await portal.wait_for_state(payment_id, {"completed"}))["state"] == "completed"
    assert (await portal.bank_ledger(payment_id))["debits"] == 2
    day = datetime.now(UTC).date().isoformat()

    report = await run_settle(system, day)
    found = await feed.wait_for(payment_id, "mismatch-detected", seconds=15)
    await run_settle(system, day)  # checked again: the very same event, not a second finding
    await feed.wait_for(payment_id, "mismatch-detected", seconds=15, copies=2)

    assert found.data["kind"] == "debited_twice"
    assert payment_id in report
    assert len(feed.ids(payment_id)) == 1
    supervisor = await sign_in(portal, "leyla", "supervisor")
    cases = await portal.wait_until(lambda: cases_of(portal, supervisor, payment_id), bool, 15)
    assert len(cases) == 1
    # The settlement job knows whom the payment belongs to: the customer hears it from us first.
    letter = await portal.mail_to(email, f"Ödənişinizdə problem gördük: {payment_id}")
    assert letter is not None, "the customer was not told of the case"
    assert cases[0]["ticket_id"] in letter["text"]

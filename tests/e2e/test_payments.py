"""Paying a bill end to end: catalog → card page → debit → provider → completed, declined,
expired or refunded, with the customer told what happened and what to do."""

from __future__ import annotations

import uuid

import pytest

from tests.e2e.portal import FINAL_STATES, Portal, digits, unique_phone

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("service_id", "account", "amount", "total_qepik"),
    [
        ("azercell", "+994 50 {}", "5.00", 500),  # OSMP family, no fee
        ("tax-service", "{}", "50", 5025),  # REST family, 0.5 % fee
    ],
)
async def test_a_bill_is_paid_and_the_receipt_is_mailed(
    portal: Portal, service_id: str, account: str, amount: str, total_qepik: int
) -> None:
    email = f"customer-{uuid.uuid4().hex[:8]}@example.az"
    typed = account.format(unique_phone("")[:7] if "+994" in account else digits(10))
    created = await portal.start_payment(service_id, typed, amount, email=email)
    assert created["state"] == "initiated"
    assert created["total"]["qepik"] == total_qepik

    await portal.pay_on_bank_page(created["payment_page_url"])
    view = await portal.wait_for_state(created["payment_id"], FINAL_STATES)

    assert view["state"] == "completed"
    assert [step["state"] for step in view["history"]] == ["initiated", "debited", "completed"]
    assert view["next_step"]["en"].startswith("The service is active")
    receipt = await portal.http.get(f"{portal.system.gateway_url}{view['receipt_url']}")
    assert receipt.status_code == 200 and created["payment_id"] in receipt.text
    mail = await portal.mail_to(email, f"Qəbz {created['payment_id']}")  # paid in az
    assert mail is not None, "no receipt e-mail arrived"
    assert created["payment_id"] in mail["text"] and view["total"]["text"] in mail["text"]
    ledger = await portal.provider_ledger(service_id, created["payment_id"])
    assert ledger["payments_recorded"] == 1


@pytest.mark.parametrize(
    ("card", "expiry", "three_ds", "reason", "advice"),
    [
        ("4000 0000 0000 9995", "12/30", None, "insufficient_funds", "enough money"),
        ("4000 0000 0000 0002", "12/30", None, "do_not_honour", "contact your bank"),
        ("4000 0000 0000 0069", "12/30", None, "expired_card", "another card"),
        ("4111 1111 1111 1111", "01/21", None, "expired_card", "another card"),
        ("4000 0000 0000 3220", "12/30", "0000", "three_ds_failed", "confirmation code"),
    ],
)
async def test_a_declined_card_explains_itself_and_moves_no_money(
    portal: Portal, card: str, expiry: str, three_ds: str | None, reason: str, advice: str
) -> None:
    created = await portal.start_payment("azercell", unique_phone("50"), "3.00")
    await portal.pay_on_bank_page(created["payment_page_url"], card, expiry, three_ds)
    view = await portal.wait_for_state(created["payment_id"], FINAL_STATES)

    assert view["state"] == "declined"
    assert view["decline_reason"] == reason
    assert advice in view["next_step"]["en"]
    assert view["next_step"]["az"]
    assert (await portal.provider_ledger("azercell", created["payment_id"]))["pay_calls"] == 0
    assert (await portal.bank_ledger(created["payment_id"]))["debits"] == 0


async def test_a_passed_3ds_challenge_pays(portal: Portal) -> None:
    created = await portal.start_payment("azercell", unique_phone("51"), "2.00")
    await portal.pay_on_bank_page(
        created["payment_page_url"], "4000 0000 0000 3220", three_ds_code="1234"
    )
    assert (await portal.wait_for_state(created["payment_id"], FINAL_STATES))[
        "state"
    ] == "completed"


async def test_an_abandoned_card_page_expires_and_says_so(portal: Portal) -> None:
    created = await portal.start_payment("bakcell", unique_phone("55"), "4.00")
    view = await portal.wait_for_state(created["payment_id"], FINAL_STATES, seconds=30)

    assert view["state"] == "expired"
    assert "No money was taken" in view["next_step"]["en"]
    late = await portal.pay_on_bank_page_late(created["payment_page_url"])
    assert late.status_code == 410
    assert (await portal.bank_ledger(created["payment_id"]))["debits"] == 0


async def test_a_provider_timeout_is_resolved_by_a_status_query_with_one_activation(
    portal: Portal,
) -> None:
    await portal.provider_fault("nar", timeouts=1, unknown_outcome=1)
    try:
        created = await portal.start_payment("nar", unique_phone("70"), "6.00")
        await portal.pay_on_bank_page(created["payment_page_url"])
        view = await portal.wait_for_state(created["payment_id"], FINAL_STATES, seconds=40)
    finally:
        await portal.clear_provider_faults("nar")

    assert view["state"] == "completed"
    ledger = await portal.provider_ledger("nar", created["payment_id"])
    assert ledger["payments_recorded"] == 1
    # The lost answer was found out by asking, not by paying again.
    assert ledger["status_queries"] >= 1 and ledger["pay_calls"] == 1


async def test_a_provider_hard_failure_refunds_the_card_once(portal: Portal) -> None:
    await portal.provider_fault("azercell-postpaid", reject_code=7)
    try:
        created = await portal.start_payment("azercell-postpaid", unique_phone("50"), "7.00")
        await portal.pay_on_bank_page(created["payment_page_url"])
        view = await portal.wait_for_state(
            created["payment_id"], {"refunded", "completed"}, seconds=40
        )
    finally:
        await portal.clear_provider_faults("azercell-postpaid")

    assert view["state"] == "refunded"
    assert [step["state"] for step in view["history"]][-2:] == ["refund_pending", "refunded"]
    assert "returned" in view["next_step"]["en"]
    bank = await portal.bank_ledger(created["payment_id"])
    assert bank["debits"] == 1 and bank["refunds"] == 1

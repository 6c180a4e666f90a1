"""Injected debit faults: a card charged more than the session asked, and a debit booked twice in
the day's settlement report. The reconciler's bank-side kinds are proven against these."""

from __future__ import annotations

from .parties import Customer, FakeClock, Merchant, ledger
from .test_refunds_and_settlement import csv_rows, paid_order, refund


async def faults(merchant: Merchant, **set_to: int) -> None:
    answer = await merchant.http.put("/bank/_control/faults", json=set_to)
    assert answer.status_code == 200, answer.text


async def test_an_overcharge_is_what_the_status_the_settlement_and_a_full_refund_see(
    merchant: Merchant, customer: Customer, clock: FakeClock
) -> None:
    await faults(merchant, overcharge_qepik=90)
    charged = await paid_order(merchant, customer, "pay_1")
    await faults(merchant)  # cleared: the next debit is as asked
    plain = await paid_order(merchant, customer, "pay_2")

    assert (charged["amount_qepik"], plain["amount_qepik"]) == (1100, 1010)
    day = clock.now().date().isoformat()
    rows = csv_rows((await merchant.get(f"/bank/settlements/{day}.csv")).text)
    assert [(r["order_id"], r["amount_qepik"]) for r in rows] == [
        ("pay_1", "1100"),
        ("pay_2", "1010"),
    ]
    assert (await refund(merchant, "pay_r1", "pay_1", 1100)).status_code == 200
    assert (await merchant.status("pay_1"))["status"] == "refunded"


async def test_a_double_booking_adds_a_second_debit_row_with_its_own_reference_once(
    merchant: Merchant, customer: Customer, clock: FakeClock
) -> None:
    await faults(merchant, double_bookings=1)
    twice = await paid_order(merchant, customer, "pay_1")
    once = await paid_order(merchant, customer, "pay_2")

    day = clock.now().date().isoformat()
    rows = csv_rows((await merchant.get(f"/bank/settlements/{day}.csv")).text)
    booked = [(r["order_id"], r["type"], r["amount_qepik"]) for r in rows]
    assert booked == [("pay_1", "debit", "1010")] * 2 + [("pay_2", "debit", "1010")]
    references = [r["bank_reference"] for r in rows if r["order_id"] == "pay_1"]
    assert references[0] == twice["bank_reference"] != references[1]
    assert (await ledger(merchant.http, "pay_1"))["debits"] == 2
    assert (await ledger(merchant.http, "pay_2"))["debits"] == 1
    assert once["status"] == "debited"

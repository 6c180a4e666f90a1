"""Refunds (idempotent, never more than was debited) and the day's settlement CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx

from .parties import Customer, FakeClock, Merchant, ledger


async def paid_order(merchant: Merchant, customer: Customer, order_id: str) -> dict[str, Any]:
    session = await merchant.open_session(order_id)
    assert (await customer.pay(session, "4111 1111 1111 1111")).status_code == 303
    return await merchant.status(order_id)


async def refund(merchant: Merchant, refund_id: str, order_id: str, amount: int) -> httpx.Response:
    payload = {"refund_id": refund_id, "order_id": order_id, "amount_qepik": amount}
    return await merchant.post("/bank/refunds", payload)


async def test_a_full_refund_marks_the_order_refunded(
    merchant: Merchant, customer: Customer
) -> None:
    await paid_order(merchant, customer, "pay_1")

    response = await refund(merchant, "pay_r1", "pay_1", 1010)

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "refunded" and body["amount_qepik"] == 1010
    assert body["refund_reference"].startswith("RF")
    status = await merchant.status("pay_1")
    assert (status["status"], status["refunded_qepik"]) == ("refunded", 1010)


async def test_repeating_a_refund_returns_the_first_answer_and_moves_no_money(
    merchant: Merchant, customer: Customer
) -> None:
    await paid_order(merchant, customer, "pay_1")

    first = await refund(merchant, "pay_r1", "pay_1", 400)
    again = await refund(merchant, "pay_r1", "pay_1", 400)

    assert again.status_code == 200
    assert again.json() == first.json()
    assert (await merchant.status("pay_1"))["refunded_qepik"] == 400
    moved = await ledger(merchant.http, "pay_1")
    assert (moved["debits"], moved["refunds"]) == (1, 1)


async def test_partial_refunds_add_up_and_refunding_more_than_debited_is_409(
    merchant: Merchant, customer: Customer
) -> None:
    await paid_order(merchant, customer, "pay_1")

    assert (await refund(merchant, "pay_r1", "pay_1", 600)).status_code == 200
    too_much = await refund(merchant, "pay_r2", "pay_1", 411)
    rest = await refund(merchant, "pay_r3", "pay_1", 410)

    assert too_much.status_code == 409
    assert too_much.json()["error"] == "refund_exceeds_debit"
    assert rest.status_code == 200
    assert (await merchant.status("pay_1"))["status"] == "refunded"
    assert (await refund(merchant, "pay_r4", "pay_1", 1)).status_code == 409


async def test_a_reused_refund_id_with_another_amount_is_409(
    merchant: Merchant, customer: Customer
) -> None:
    await paid_order(merchant, customer, "pay_1")
    await refund(merchant, "pay_r1", "pay_1", 100)

    response = await refund(merchant, "pay_r1", "pay_1", 200)

    assert response.status_code == 409
    assert (await merchant.status("pay_1"))["refunded_qepik"] == 100


async def test_an_order_that_was_not_debited_cannot_be_refunded(
    merchant: Merchant, customer: Customer
) -> None:
    pending = await merchant.open_session("pay_pending")
    declined = await merchant.open_session("pay_declined")
    await customer.pay(declined, "4000 0000 0000 0002")
    assert pending["session_id"]

    for order_id in ("pay_pending", "pay_declined"):
        response = await refund(merchant, f"r_{order_id}", order_id, 100)
        assert response.status_code == 409
        assert response.json()["error"] == "not_debited"
    assert (await refund(merchant, "r_unknown", "pay_unknown", 100)).status_code == 404


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


async def test_the_settlement_lists_the_days_debits_and_refunds(
    merchant: Merchant, customer: Customer, clock: FakeClock
) -> None:
    first = await paid_order(merchant, customer, "pay_1")
    await merchant.open_session("pay_unpaid")
    declined = await merchant.open_session("pay_declined")
    await customer.pay(declined, "4000 0000 0000 9995")
    clock.advance(hours=15)  # 2026-03-15 01:00 UTC
    second = await paid_order(merchant, customer, "pay_2")
    clock.advance(minutes=5)
    refunded = (await refund(merchant, "pay_r1", "pay_1", 300)).json()

    day_one = await merchant.get("/bank/settlements/2026-03-14.csv")
    day_two = await merchant.get("/bank/settlements/2026-03-15.csv")

    assert day_one.status_code == 200
    assert day_one.headers["content-type"].startswith("text/csv")
    assert day_one.text.splitlines()[0] == (
        "order_id,bank_reference,type,amount_qepik,currency,occurred_at"
    )
    assert csv_rows(day_one.text) == [
        {
            "order_id": "pay_1",
            "bank_reference": first["bank_reference"],
            "type": "debit",
            "amount_qepik": "1010",
            "currency": "AZN",
            "occurred_at": "2026-03-14T10:00:00+00:00",
        }
    ]
    assert [(r["order_id"], r["type"], r["amount_qepik"]) for r in csv_rows(day_two.text)] == [
        ("pay_2", "debit", "1010"),
        ("pay_1", "refund", "300"),
    ]
    assert csv_rows(day_two.text)[0]["bank_reference"] == second["bank_reference"]
    assert csv_rows(day_two.text)[1]["bank_reference"] == refunded["refund_reference"]


async def test_a_day_without_movements_has_only_the_header(merchant: Merchant) -> None:
    response = await merchant.get("/bank/settlements/2026-01-01.csv")
    assert response.status_code == 200
    assert csv_rows(response.text) == []
    assert response.text.startswith("order_id,bank_reference,type,")


async def test_while_refunds_are_unavailable_a_refund_is_503_and_moves_no_money(
    merchant: Merchant, customer: Customer
) -> None:
    await paid_order(merchant, customer, "pay_1")
    await merchant.http.put("/bank/_control/refunds", json={"unavailable": True})

    refused = await refund(merchant, "pay_1", "pay_1", 1010)

    assert refused.status_code == 503
    assert (await ledger(merchant.http, "pay_1"))["refunds"] == 0
    await merchant.http.put("/bank/_control/refunds", json={"unavailable": False})
    assert (await refund(merchant, "pay_1", "pay_1", 1010)).status_code == 200
    assert (await ledger(merchant.http, "pay_1"))["refunds"] == 1

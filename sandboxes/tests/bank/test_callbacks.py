"""Callbacks over real HTTP to a receiver on loopback: one signed body per outcome, none on expiry."""

from __future__ import annotations

import asyncio
from datetime import datetime

import httpx
import pytest

from sandboxes.bank.config import BankSettings

from .parties import (
    CallbackReceiver,
    Customer,
    FakeClock,
    Merchant,
    assert_signed_by_the_bank,
    ledger,
)


@pytest.mark.parametrize(
    ("card", "status", "reason", "code"),
    [
        ("4111 1111 1111 1111", "debited", None, "00"),
        ("4000 0000 0000 9995", "declined", "insufficient_funds", "51"),
        ("4000 0000 0000 0002", "declined", "do_not_honour", "05"),
        ("4000 0000 0000 0069", "declined", "expired_card", "54"),
    ],
)
async def test_each_outcome_is_called_back_signed_with_the_protocols_body(
    merchant: Merchant,
    customer: Customer,
    receiver: CallbackReceiver,
    settings: BankSettings,
    clock: FakeClock,
    http: httpx.AsyncClient,
    card: str,
    status: str,
    reason: str | None,
    code: str,
) -> None:
    session = await merchant.open_session("pay_1")

    await customer.pay(session, card)

    [callback] = await receiver.wait_for(1)
    assert_signed_by_the_bank(callback, settings.callback_secret, clock)
    body = callback.json()
    known = await merchant.status("pay_1")
    assert body == {
        "event_id": body["event_id"],
        "session_id": session["session_id"],
        "order_id": "pay_1",
        "status": status,
        "amount_qepik": 1010,
        "bank_reference": known["bank_reference"],
        "decline_reason": reason,
        "bank_code": code,
        "occurred_at": body["occurred_at"],
    }
    assert body["event_id"].startswith("bev_")
    assert datetime.fromisoformat(body["occurred_at"]) == clock.now()
    assert (await ledger(http, "pay_1"))["callbacks_delivered"] == 1


@pytest.mark.parametrize(("code", "status"), [("1234", "debited"), ("9999", "declined")])
async def test_three_d_secure_outcomes_are_called_back(
    merchant: Merchant,
    customer: Customer,
    receiver: CallbackReceiver,
    settings: BankSettings,
    clock: FakeClock,
    code: str,
    status: str,
) -> None:
    session = await merchant.open_session("pay_1")
    await customer.pay(session, "4000 0000 0000 3220")
    await asyncio.sleep(0.1)
    assert receiver.received == []  # the challenge is not an outcome

    await customer.answer_three_ds(session, code)

    [callback] = await receiver.wait_for(1)
    assert_signed_by_the_bank(callback, settings.callback_secret, clock)
    assert callback.json()["status"] == status


async def test_there_is_nothing_to_replay_before_an_outcome(
    merchant: Merchant, http: httpx.AsyncClient
) -> None:
    await merchant.open_session("pay_1")
    assert (await http.post("/bank/_control/callbacks/pay_1/replay")).status_code == 404


async def test_an_expired_session_sends_no_callback(
    merchant: Merchant,
    customer: Customer,
    receiver: CallbackReceiver,
    clock: FakeClock,
) -> None:
    await merchant.open_session("pay_expiring")
    clock.advance(seconds=901)
    assert (await merchant.status("pay_expiring"))["status"] == "expired"

    later = await merchant.open_session("pay_later")
    await customer.pay(later, "4111 1111 1111 1111")

    await receiver.wait_for(1)
    await asyncio.sleep(0.1)
    assert [callback.json()["order_id"] for callback in receiver.received] == ["pay_later"]

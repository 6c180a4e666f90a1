"""Callback delivery to a receiver on loopback: retries, injected faults, giving up, replays."""

from __future__ import annotations

import asyncio

import httpx

from sandboxes.bank.config import BankSettings

from .parties import (
    CallbackReceiver,
    Customer,
    FakeClock,
    Merchant,
    assert_signed_by_the_bank,
    ledger,
)


async def test_a_callback_is_retried_until_checkout_answers_2xx(
    merchant: Merchant, customer: Customer, receiver: CallbackReceiver, http: httpx.AsyncClient
) -> None:
    receiver.answers = [500, 503]
    session = await merchant.open_session("pay_1")

    await customer.pay(session, "4111 1111 1111 1111")

    attempts = await receiver.wait_for(3)
    assert len({attempt.body for attempt in attempts}) == 1  # the same event each time
    assert (await ledger(http, "pay_1"))["callbacks_delivered"] == 1


async def test_injected_callback_failures_delay_delivery_along_the_backoff(
    merchant: Merchant, customer: Customer, receiver: CallbackReceiver, http: httpx.AsyncClient
) -> None:
    faults = await http.put("/bank/_control/faults", json={"callback_failures": 2})
    assert faults.json() == {
        "callback_failures": 2,
        "callback_delay_ms": 0,
        "refund_failures": 0,
        "overcharge_qepik": 0,
        "double_bookings": 0,
    }
    session = await merchant.open_session("pay_1")
    started = asyncio.get_running_loop().time()

    await customer.pay(session, "4111 1111 1111 1111")

    await receiver.wait_for(1)
    waited = asyncio.get_running_loop().time() - started
    assert waited >= 1.5  # two failed attempts: 0.5 s then 1 s before the third
    assert len(receiver.received) == 1
    assert await ledger(http, "pay_1") == {"debits": 1, "refunds": 0, "callbacks_delivered": 1}


async def test_a_callback_delay_holds_the_first_attempt(
    merchant: Merchant, customer: Customer, receiver: CallbackReceiver, http: httpx.AsyncClient
) -> None:
    await http.put("/bank/_control/faults", json={"callback_delay_ms": 300})
    session = await merchant.open_session("pay_1")
    started = asyncio.get_running_loop().time()

    await customer.pay(session, "4111 1111 1111 1111")

    await receiver.wait_for(1)
    assert asyncio.get_running_loop().time() - started >= 0.3


async def test_the_bank_gives_up_a_day_after_the_outcome(
    merchant: Merchant,
    customer: Customer,
    receiver: CallbackReceiver,
    http: httpx.AsyncClient,
    clock: FakeClock,
) -> None:
    await http.put("/bank/_control/faults", json={"callback_failures": 1, "callback_delay_ms": 200})
    session = await merchant.open_session("pay_1")
    await customer.pay(session, "4111 1111 1111 1111")
    await asyncio.sleep(0.05)  # the delivery has started and noted its deadline

    clock.advance(hours=24)
    await asyncio.sleep(1.2)  # past the failed attempt and the retry it would have made

    assert receiver.received == []
    assert (await ledger(http, "pay_1"))["callbacks_delivered"] == 0


async def test_a_replayed_callback_is_the_same_event_again(
    merchant: Merchant,
    customer: Customer,
    receiver: CallbackReceiver,
    settings: BankSettings,
    clock: FakeClock,
    http: httpx.AsyncClient,
) -> None:
    session = await merchant.open_session("pay_1")
    await customer.pay(session, "4000 0000 0000 9995")
    [original] = await receiver.wait_for(1)
    clock.advance(seconds=60)

    replay = await http.post("/bank/_control/callbacks/pay_1/replay")

    [_, duplicate] = await receiver.wait_for(2)
    assert replay.status_code == 202
    assert replay.json()["event_id"] == original.json()["event_id"]
    assert duplicate.body == original.body
    assert_signed_by_the_bank(duplicate, settings.callback_secret, clock)
    assert int(duplicate.headers["x-bank-timestamp"]) == clock.unix()
    assert (await ledger(http, "pay_1"))["callbacks_delivered"] == 2

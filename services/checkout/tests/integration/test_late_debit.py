"""A debit that comes after checkout expired the card page: the money goes back to the card at
once (while the bank's callback is answered), exactly once, and the payment stays expired."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest

from checkout.handlers.context import Checkout
from checkout.handlers.maintenance import sweep_once
from sandboxes.bank.state import BankState

from .customer import pay_on_card_page, read, start_payment
from .parties import MovableClock, bank_ledger, outbox_types, wait_until

pytestmark = [pytest.mark.integration, pytest.mark.money]


async def expired_payment(
    api: httpx.AsyncClient, checkout: Checkout, clock: MovableClock
) -> dict[str, Any]:
    """A payment whose card page checkout gave up on (the bank, asked first, had no outcome),
    while the bank's own session still takes a card."""
    created = await start_payment(api, f"late-{uuid.uuid4()}")
    clock.move_on(timedelta(minutes=16))
    await sweep_once(checkout)
    assert (await read(api, created["payment_id"]))["state"] == "expired"
    return created


async def callbacks_answered(bank_http: httpx.AsyncClient, payment_id: str) -> dict[str, int]:
    return await wait_until(
        lambda: bank_ledger(bank_http, payment_id),
        lambda ledger: ledger["callbacks_delivered"] >= 1,
    )


async def test_a_debit_after_expiry_is_refunded_at_once_and_only_once(
    api: httpx.AsyncClient, checkout: Checkout, clock: MovableClock
) -> None:
    created = await expired_payment(api, checkout, clock)
    payment_id = created["payment_id"]
    expired = await read(api, payment_id)

    await pay_on_card_page(checkout.http, created["payment_page_url"])
    ledger = await callbacks_answered(checkout.http, payment_id)
    assert ledger == {"debits": 1, "refunds": 1, "callbacks_delivered": 1}  # no sweep ran

    replay = await checkout.http.post(f"/bank/_control/callbacks/{payment_id}/replay")
    assert replay.status_code == 202
    await wait_until(
        lambda: bank_ledger(checkout.http, payment_id),
        lambda ledger: ledger["callbacks_delivered"] >= 2,
    )
    assert (await bank_ledger(checkout.http, payment_id))["refunds"] == 1
    assert await read(api, payment_id) == expired
    assert await outbox_types(checkout, payment_id) == ["payment-initiated", "payment-expired"]
    kept = await checkout.bank_callbacks.find_one({"_id": replay.json()["event_id"]})
    assert kept is not None and kept["outcome"] == "late_debit_refunded"


async def test_a_late_debit_whose_refund_the_bank_first_refuses_is_refunded_on_its_retry(
    api: httpx.AsyncClient, checkout: Checkout, clock: MovableClock, bank: BankState
) -> None:
    created = await expired_payment(api, checkout, clock)
    payment_id = created["payment_id"]
    faults = await checkout.http.put("/bank/_control/faults", json={"refund_failures": 1})
    assert faults.json()["refund_failures"] == 1

    await pay_on_card_page(checkout.http, created["payment_page_url"])
    # Checkout answers the first callback 503 (the refund failed), so the bank calls again.
    ledger = await callbacks_answered(checkout.http, payment_id)

    assert bank.refund_failures == 0  # the first refund was refused
    assert ledger == {"debits": 1, "refunds": 1, "callbacks_delivered": 1}
    assert (await read(api, payment_id))["state"] == "expired"

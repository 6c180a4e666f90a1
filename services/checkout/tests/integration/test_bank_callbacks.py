"""The bank's word arrives twice, late or out of order: a replayed signed callback, a decline after
the debit, the callback after the status query already settled the payment. One debit stands and
the payment reads exactly as it did."""

from __future__ import annotations

import json
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from checkout.handlers.context import Checkout
from checkout.handlers.maintenance import sweep_once
from sandboxes.bank.signing import callback_signature
from sandboxes.bank.state import BankState

from .customer import paid, pay_on_card_page, read, start_payment
from .parties import MovableClock, bank_ledger, outbox_types, wait_until

pytestmark = [pytest.mark.integration, pytest.mark.money]

ONE_DEBIT = ["payment-initiated", "card-debited"]


def key() -> str:
    return f"cb-{uuid.uuid4()}"


async def delivered(bank_http: httpx.AsyncClient, payment_id: str, count: int) -> None:
    """Waits until checkout has accepted (2xx) `count` callbacks for the payment."""
    await wait_until(
        lambda: bank_ledger(bank_http, payment_id),
        lambda ledger: ledger["callbacks_delivered"] >= count,
    )


async def signed_by_the_bank(
    api: httpx.AsyncClient, bank: BankState, body: dict[str, Any]
) -> httpx.Response:
    raw = json.dumps(body).encode()
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "X-Bank-Timestamp": timestamp,
        "X-Bank-Signature": callback_signature(bank.settings.callback_secret, timestamp, raw),
    }
    return await api.post("/api/payments/bank-callbacks", content=raw, headers=headers)


async def test_a_replayed_debit_callback_changes_nothing(
    api: httpx.AsyncClient, checkout: Checkout
) -> None:
    payment_id = await paid(api, checkout.http, key())
    before = await read(api, payment_id)
    assert before["state"] == "debited"

    for _ in range(2):
        replay = await checkout.http.post(f"/bank/_control/callbacks/{payment_id}/replay")
        assert replay.status_code == 202
    await delivered(checkout.http, payment_id, 3)

    assert await read(api, payment_id) == before
    assert await outbox_types(checkout, payment_id) == ONE_DEBIT
    assert await bank_ledger(checkout.http, payment_id) == {
        "debits": 1,
        "refunds": 0,
        "callbacks_delivered": 3,
    }
    duplicate = await checkout.bank_callbacks.find_one({"_id": replay.json()["event_id"]})
    assert duplicate is not None
    assert (duplicate["outcome"], duplicate["received"]) == ("already_known", 2)


async def test_a_decline_or_another_debit_after_the_debit_changes_nothing(
    api: httpx.AsyncClient, checkout: Checkout, bank: BankState
) -> None:
    payment_id = await paid(api, checkout.http, key())
    before = await read(api, payment_id)
    late = {
        "order_id": payment_id,
        "amount_qepik": 1000,
        "occurred_at": datetime.now(UTC).isoformat(),
    }
    decline = {**late, "status": "declined", "decline_reason": "do_not_honour", "bank_code": "05"}
    other_debit = {**late, "status": "debited", "bank_reference": "RRN999999999999"}

    for body in (decline, other_debit):
        answer = await signed_by_the_bank(
            api, bank, {"event_id": f"bev_{uuid.uuid4().hex}", **body}
        )
        assert (answer.status_code, answer.json()) == (200, {"result": "already_known"})

    assert await read(api, payment_id) == before
    assert await outbox_types(checkout, payment_id) == ONE_DEBIT


async def test_the_callback_after_the_status_query_settled_the_payment_changes_nothing(
    api: httpx.AsyncClient, checkout: Checkout, clock: MovableClock
) -> None:
    held = await checkout.http.put("/bank/_control/faults", json={"callback_delay_ms": 600_000})
    assert held.status_code == 200  # the bank's callback is held back
    created = await start_payment(api, key())
    payment_id = created["payment_id"]
    await pay_on_card_page(checkout.http, created["payment_page_url"])

    clock.move_on(timedelta(minutes=16))  # our card page ran out before any callback came
    await sweep_once(checkout)  # asks the bank first: debited, so the payment is debited
    settled = await read(api, payment_id)
    assert [step["state"] for step in settled["history"]] == ["initiated", "debited"]

    await checkout.http.put("/bank/_control/faults", json={})
    replay = await checkout.http.post(f"/bank/_control/callbacks/{payment_id}/replay")
    assert replay.status_code == 202  # the bank's callback, at last
    await delivered(checkout.http, payment_id, 1)

    assert await read(api, payment_id) == settled
    assert await outbox_types(checkout, payment_id) == ONE_DEBIT
    assert (await bank_ledger(checkout.http, payment_id))["refunds"] == 0

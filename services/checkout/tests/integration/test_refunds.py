"""A failed activation sends the money back: a refund the bank first refuses is retried by the
maintenance sweep until it succeeds; the payment ends refunded, with one refund at the bank."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import httpx
import pytest

from checkout.entrypoints.consumer import EVENT_HANDLERS
from checkout.handlers.context import Checkout
from checkout.handlers.maintenance import sweep_once
from contracts.envelope import Envelope
from contracts.events import ActivationFailed
from contracts.ids import new_id
from sandboxes.bank.state import BankState

from .customer import paid, read
from .parties import bank_ledger, outbox_types

pytestmark = [pytest.mark.integration, pytest.mark.money]

REFUNDED = ["payment-initiated", "card-debited", "refund-requested", "payment-refunded"]


async def provider_failed(checkout: Checkout, payment_id: str) -> None:
    """provider-gateway's final word, handled as the consumer hands it over."""
    event = ActivationFailed(
        payment_id=payment_id,
        service_id="azercell",
        provider_code="300",
        reason="account closed",
        failed_at=datetime.now(UTC),
    )
    envelope = Envelope.wrap(
        event,
        event_id=new_id("evt"),
        source="/services/provider-gateway",
        time=event.failed_at,
    )
    await EVENT_HANDLERS[ActivationFailed](checkout, event, envelope)


async def test_a_refund_the_bank_refuses_twice_is_retried_until_the_payment_is_refunded(
    api: httpx.AsyncClient, checkout: Checkout, bank: BankState
) -> None:
    payment_id = await paid(api, checkout.http, f"refund-{uuid.uuid4()}")
    faults = await checkout.http.put("/bank/_control/faults", json={"refund_failures": 2})
    assert faults.json()["refund_failures"] == 2

    await provider_failed(checkout, payment_id)  # the first refund: refused
    assert (await read(api, payment_id))["state"] == "refund_pending"
    await sweep_once(checkout)  # the second: refused
    assert (await read(api, payment_id))["state"] == "refund_pending"
    assert (await bank_ledger(checkout.http, payment_id))["refunds"] == 0
    assert bank.refund_failures == 0

    await sweep_once(checkout)  # the third: accepted
    refunded = await read(api, payment_id)
    assert refunded["state"] == "refunded" and refunded["final"]

    await provider_failed(checkout, payment_id)  # redelivered: changes nothing, refunds nothing
    await sweep_once(checkout)
    assert await read(api, payment_id) == refunded
    assert await outbox_types(checkout, payment_id) == REFUNDED
    assert await bank_ledger(checkout.http, payment_id) == {
        "debits": 1,
        "refunds": 1,
        "callbacks_delivered": 1,
    }
    at_bank = [refund for refund in bank.store.refunds() if refund.order_id == payment_id]
    assert [refund.amount_qepik for refund in at_bank] == [refunded["total"]["qepik"]]

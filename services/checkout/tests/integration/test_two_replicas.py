"""Two replicas of checkout share one database: the other replica's write lands between this
replica's read of a payment and its write, and the payment still ends honestly."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from checkout.domain.payment import Payment
from checkout.domain.states import PaymentState
from checkout.handlers.bank_outcomes import Applied, BankCallback, apply_bank_callback
from checkout.handlers.context import Checkout
from checkout.handlers.create import _start, create_payment
from checkout.handlers.receipts import send_receipt
from checkout.views import CreatePaymentRequest, payment_created_view
from contracts.ids import new_id
from sandboxes.bank.state import BankState

from .parties import (
    AMOUNT,
    FakeCatalog,
    Mailbox,
    initiated_payment,
    other_replica_after_first_read,
    outbox_types,
)

pytestmark = pytest.mark.integration


def debited_callback(payment_id: str) -> BankCallback:
    return BankCallback(
        event_id=f"bev_{uuid.uuid4().hex}",
        order_id=payment_id,
        status="debited",
        amount_qepik=AMOUNT.qepik,
        bank_reference="RRN000000000042",
        occurred_at=datetime.now(UTC),
    )


async def test_a_debit_that_lost_to_the_other_replicas_expiry_is_refunded(
    checkout: Checkout, bank: BankState
) -> None:
    payment = await initiated_payment(checkout)
    bank.store.decide(bank.store.by_order(payment.id), None, "1111")  # type: ignore[arg-type]

    async def expire(read: Payment) -> None:  # the other replica's expiry sweep
        assert await checkout.payments.save(read, read.expire(datetime.now(UTC)))

    other_replica_after_first_read(checkout.payments, expire)
    outcome = await apply_bank_callback(checkout, debited_callback(payment.id))

    assert outcome is Applied.LATE_DEBIT_REFUNDED
    assert bank.store.ledger(payment.id)["refunds"] == 1
    stored = await checkout.payments.get(payment.id)
    assert stored is not None and stored.state is PaymentState.EXPIRED
    assert await outbox_types(checkout, payment.id) == [
        "payment-initiated",
        "payment-expired",
    ]


async def test_a_receipt_the_other_replica_is_sending_is_not_sent_again(
    checkout: Checkout, bank: BankState
) -> None:
    payment = await initiated_payment(checkout, email="customer@example.az")
    bank.store.decide(bank.store.by_order(payment.id), None, "1111")  # type: ignore[arg-type]
    assert await apply_bank_callback(checkout, debited_callback(payment.id)) is Applied.APPLIED
    debited = await checkout.payments.get(payment.id)
    assert debited is not None
    assert await checkout.payments.save(debited, debited.complete("TX1", datetime.now(UTC)))
    mailbox = checkout.mailer
    assert isinstance(mailbox, Mailbox)

    other = await checkout.payments.claim_mail(payment.id, "receipt")  # the other replica's sweep
    assert other is not None
    await send_receipt(checkout, payment.id)
    assert mailbox.sent == []

    await checkout.payments.release_mail(payment.id, "receipt", other)  # its send failed
    await send_receipt(checkout, payment.id)
    await send_receipt(checkout, payment.id)
    assert len(mailbox.sent) == 1
    stored = await checkout.payments.get(payment.id)
    assert stored is not None and not stored.receipt_due


async def test_one_key_on_two_replicas_makes_one_payment_and_one_answer(
    checkout: Checkout,
) -> None:
    request = CreatePaymentRequest(service_id="azercell", account="501234567", amount="10.00")
    key = f"key-{uuid.uuid4()}"
    fingerprint = hashlib.sha256(request.model_dump_json().encode()).hexdigest()
    # Replica A claimed the key long ago and is still working on it; B takes the request over.
    first_id = new_id("pay")
    long_ago = datetime.now(UTC) - timedelta(seconds=30)
    await checkout.keys.claim(key, fingerprint, first_id, long_ago)
    catalog = checkout.catalog
    assert isinstance(catalog, FakeCatalog)
    answers: list[dict[str, object]] = []

    async def replica_a_finishes() -> None:
        catalog.while_quoting = None
        payment = await _start(checkout, key, first_id, request)
        answers.append(payment_created_view(payment))
        await checkout.keys.remember_answer(key, 201, answers[0])

    catalog.while_quoting = replica_a_finishes
    answer = await create_payment(checkout, key, request)

    assert answer == answers[0]
    assert await checkout.payments._store.collection.count_documents({}) == 1
    assert await create_payment(checkout, key, request) == answers[0]

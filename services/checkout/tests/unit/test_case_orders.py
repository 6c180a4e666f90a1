"""What a case's orders do to a payment: a refund ordered on a debited payment goes the usual
refund way, recorded with who ordered it; a completion confirmed by hand says so."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from checkout.domain.initiation import initiate
from checkout.domain.payment import Payment
from checkout.domain.states import PaymentState, TransitionRefusedError
from contracts.events import RefundRequested
from contracts.ids import make_id
from contracts.money import Money

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


def debited() -> Payment:
    payment = initiate(
        make_id("pay", NOW, bytes(10)),
        "azercell",
        "501234567",
        Money(qepik=1000),
        Money(qepik=10),
        "aysel@example.az",
        NOW,
        NOW + timedelta(minutes=15),
    )
    paid = payment.debit("BANK-1", payment.total, NOW)
    return replace(paid, pending_events=())


def test_an_ordered_refund_is_requested_with_who_ordered_it() -> None:
    refunding = debited().order_refund("aysel (case tkt_x): never received", NOW)
    assert refunding.state is PaymentState.REFUND_PENDING
    step = refunding.history[-1]
    assert (step.reason, step.detail) == ("refund_ordered", "aysel (case tkt_x): never received")
    (event,) = refunding.pending_events
    assert isinstance(event, RefundRequested) and event.total == Money(qepik=1010)


def test_a_refund_ordered_after_the_payment_completed_is_refused() -> None:
    completed = debited().complete("PRV-1", NOW)
    with pytest.raises(TransitionRefusedError):
        completed.order_refund("aysel", NOW)


def test_a_completion_confirmed_by_hand_says_who_confirmed_it() -> None:
    completed = debited().complete("PRV-9", NOW, by_hand="leyla: phoned the provider")
    step = completed.history[-1]
    assert (step.reason, step.detail) == ("confirmed_by_hand", "leyla: phoned the provider")
    assert completed.provider_transaction_id == "PRV-9"

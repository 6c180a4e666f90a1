"""The payment's state machine: every transition guarded, terminal states final, money exact."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checkout.domain.advice import next_step
from checkout.domain.initiation import initiate
from checkout.domain.payment import Payment
from checkout.domain.states import PaymentState, TransitionRefusedError
from contracts.events import (
    CardDebited,
    CardDeclined,
    DeclineReason,
    PaymentCompleted,
    PaymentExpired,
    PaymentInitiated,
    PaymentRefunded,
    RefundRequested,
)
from contracts.ids import make_id
from contracts.money import Money

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
PAYMENT_ID = make_id("pay", NOW, bytes(10))


def new_payment(amount: int = 1000, fee: int = 10) -> Payment:
    return initiate(
        PAYMENT_ID,
        "azercell",
        "501234567",
        Money(qepik=amount),
        Money(qepik=fee),
        "aysel@example.az",
        NOW,
        NOW + timedelta(minutes=15),
    )


def test_a_new_payment_charges_amount_plus_fee_and_announces_itself() -> None:
    payment = new_payment(1000, 15)
    assert payment.total == Money(qepik=1015)
    assert payment.state is PaymentState.INITIATED
    (event,) = payment.pending_events
    assert isinstance(event, PaymentInitiated) and event.total.qepik == 1015


def test_the_happy_path_records_each_step_with_its_event() -> None:
    paid = new_payment().debit("RRN1", Money(qepik=1010), NOW).complete("PRV9", NOW)
    assert paid.state is PaymentState.COMPLETED
    assert [step.state for step in paid.history] == [
        PaymentState.INITIATED,
        PaymentState.DEBITED,
        PaymentState.COMPLETED,
    ]
    assert [type(e) for e in paid.pending_events] == [
        PaymentInitiated,
        CardDebited,
        PaymentCompleted,
    ]


def test_a_failed_activation_goes_back_to_the_card() -> None:
    refunded = (
        new_payment()
        .debit("RRN1", Money(qepik=1010), NOW)
        .fail_activation("300", "account closed", NOW)
        .refund("RF1", NOW)
    )
    assert refunded.state is PaymentState.REFUNDED
    assert [type(e) for e in refunded.pending_events][-2:] == [RefundRequested, PaymentRefunded]
    assert refunded.pending_events[-1].total == Money(qepik=1010)  # type: ignore[attr-defined]


def test_a_decline_says_why_and_what_to_do() -> None:
    declined = new_payment().decline(DeclineReason.INSUFFICIENT_FUNDS, "51", NOW)
    assert isinstance(declined.pending_events[-1], CardDeclined)
    assert "enough money" in next_step(declined)["en"]
    assert "vəsait" in next_step(declined)["az"]


def test_an_expired_page_says_no_money_was_taken() -> None:
    expired = new_payment().expire(NOW)
    assert isinstance(expired.pending_events[-1], PaymentExpired)
    assert "No money was taken" in next_step(expired)["en"]


def test_a_refused_transition_names_where_the_payment_is() -> None:
    completed = new_payment().debit("RRN1", Money(qepik=1010), NOW).complete("PRV9", NOW)
    with pytest.raises(
        TransitionRefusedError, match="is completed; refund_pending can only follow debited"
    ):
        completed.fail_activation("300", "late failure", NOW)


MOVES = {
    "debit": (PaymentState.DEBITED, lambda p: p.debit("RRN", p.total, NOW)),
    "decline": (PaymentState.DECLINED, lambda p: p.decline(DeclineReason.DO_NOT_HONOUR, "05", NOW)),
    "expire": (PaymentState.EXPIRED, lambda p: p.expire(NOW)),
    "complete": (PaymentState.COMPLETED, lambda p: p.complete("PRV", NOW)),
    "fail": (PaymentState.REFUND_PENDING, lambda p: p.fail_activation("300", "no", NOW)),
    "refund": (PaymentState.REFUNDED, lambda p: p.refund("RF", NOW)),
}


def facts(payment: Payment) -> tuple[object, ...]:
    """Everything a payment holds, events included (which its == leaves out), as plain values."""
    return (*(getattr(payment, name) for name in Payment.__dataclass_fields__),)


@given(st.lists(st.sampled_from(sorted(MOVES)), max_size=8))
def test_any_sequence_of_moves_keeps_the_rules(moves: list[str]) -> None:
    payment = new_payment()
    for move in moves:
        wanted, make = MOVES[move]
        allowed = payment.state in wanted.allowed_from()
        before = facts(payment)
        try:
            moved = make(payment)
        except TransitionRefusedError as refused:
            assert not allowed, f"{move} refused from {payment.state}, which allows it"
            assert (refused.current, refused.wanted) == (payment.state, wanted)
            assert facts(payment) == before  # a refused move leaves the payment as it was
            with pytest.raises(TransitionRefusedError):
                payment.ensure_may_enter(wanted)  # the guard a handler asks says the same
            continue
        assert allowed, f"{move} accepted from {payment.state}"
        assert not payment.state.is_terminal()  # nothing ever leaves a terminal state
        payment.ensure_may_enter(wanted)
        assert moved.state is wanted and moved.history[-1].state is wanted
        assert len(moved.pending_events) == len(payment.pending_events) + 1
        payment = moved
    assert len(payment.history) == len(payment.pending_events)
    debits = [e for e in payment.pending_events if isinstance(e, CardDebited)]
    refunds = [e for e in payment.pending_events if isinstance(e, PaymentRefunded)]
    assert len(debits) <= 1 and len(refunds) <= len(debits)

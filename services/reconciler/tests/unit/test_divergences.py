"""The divergences beyond a missing activation: a refund the bank does not confirm, a service
activated although the money went back, and a debit of another amount than the one we asked."""

from __future__ import annotations

from datetime import timedelta

from contracts.events import MismatchDetected, MismatchKind
from reconciler.alerts import mismatch_detected
from reconciler.domain.decisions import next_check_at, with_alerts
from reconciler.domain.facts import PaymentFacts, apply

from .payment_events import (
    T0,
    activated,
    activation_failed,
    debited,
    initiated,
    refund_requested,
    refunded,
)
from .test_decisions import DEADLINE, DEADLINES, FORGET, decide, facts_of

REFUND_DEADLINE = DEADLINES.refund
FAILED_AT = T0 + timedelta(minutes=1)


def refund_asked() -> PaymentFacts:
    return facts_of(
        initiated(), debited(), activation_failed(FAILED_AT), refund_requested(FAILED_AT)
    )


def test_a_refund_the_bank_does_not_confirm_in_time_is_one_mismatch_and_not_two() -> None:
    facts = refund_asked()
    due = timedelta(minutes=1) + REFUND_DEADLINE

    # The activation deadline passes while the refund is on its way: that is not a mismatch.
    assert decide(facts, DEADLINE * 2).detect == ()
    assert decide(facts, due - timedelta(seconds=1)).detect == ()
    assert decide(facts, due).detect == (MismatchKind.REFUND_NOT_CONFIRMED,)
    assert next_check_at(facts, DEADLINES, FORGET) == FAILED_AT + REFUND_DEADLINE


def test_a_refund_not_confirmed_clears_itself_when_the_bank_confirms() -> None:
    due = timedelta(minutes=1) + REFUND_DEADLINE
    facts = with_alerts(refund_asked(), decide(refund_asked(), due), T0 + due)
    assert decide(facts, due * 2).detect == ()

    confirmed = apply(facts, (event := refunded(T0 + due * 2)), event.event())
    clearing = decide(confirmed, due * 2)

    assert clearing.clear == ((MismatchKind.REFUND_NOT_CONFIRMED, "payment-refunded"),)
    assert clearing.detect == ()


def test_a_refund_confirmed_in_time_is_no_mismatch() -> None:
    facts = apply(refund_asked(), (event := refunded(FAILED_AT)), event.event())

    assert decide(facts, REFUND_DEADLINE * 3).detect == ()


def test_an_activation_after_the_refund_needs_a_person_and_says_what_happened() -> None:
    facts = apply(refund_asked(), (event := refunded(FAILED_AT)), event.event())
    late = apply(facts, (event := activated(T0 + timedelta(minutes=30), txn="PRV9")), event.event())

    decision = decide(late, timedelta(minutes=30))
    assert decision.detect == (MismatchKind.ACTIVATED_AFTER_REFUND,)
    sent = mismatch_detected(late, MismatchKind.ACTIVATED_AFTER_REFUND, DEADLINES, T0).event()
    assert isinstance(sent, MismatchDetected)
    assert sent.note is not None and "PRV9" in sent.note and "after 10.10 AZN" in sent.note
    assert sent.refunded == late.refunded

    # Nothing that can still arrive settles it: it stays open for a person.
    remembered = with_alerts(late, decision, T0 + timedelta(minutes=30))
    assert decide(remembered, REFUND_DEADLINE * 3).clear == ()


def test_a_refund_after_the_activation_is_the_same_divergence_in_the_other_order() -> None:
    facts = facts_of(debited(), activated(T0 + timedelta(minutes=1)), refunded(T0 + DEADLINE))

    assert decide(facts, DEADLINE).detect == (MismatchKind.ACTIVATED_AFTER_REFUND,)
    note = mismatch_detected(facts, MismatchKind.ACTIVATED_AFTER_REFUND, DEADLINES, T0).event()
    assert isinstance(note, MismatchDetected) and note.note and "before" in note.note


def test_a_debit_of_another_amount_than_we_asked_is_told_at_once_with_both_amounts() -> None:
    facts = facts_of(initiated(total=1010), debited(amount=1090))  # card total 11.00 AZN

    assert decide(facts, timedelta(0)).detect == (MismatchKind.DEBIT_AMOUNT_DIFFERS,)
    sent = mismatch_detected(facts, MismatchKind.DEBIT_AMOUNT_DIFFERS, DEADLINES, T0).event()
    assert isinstance(sent, MismatchDetected)
    assert (sent.expected, sent.debited) == (facts.expected_total, facts.debited)
    assert sent.note is not None and "0.90 AZN more" in sent.note


def test_a_debit_of_the_amount_we_asked_is_not() -> None:
    assert decide(facts_of(initiated(total=1010), debited(amount=1000)), timedelta(0)).detect == ()

"""Which mismatch a payment's facts show at a given stream time, and what clears it."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from contracts.envelope import Envelope
from contracts.events import MismatchKind
from reconciler.domain.decisions import (
    Deadlines,
    Decision,
    next_check_at,
    reconcile,
    with_alerts,
)
from reconciler.domain.facts import PaymentFacts, apply

from .payment_events import (
    PAYMENT,
    T0,
    activated,
    activation_failed,
    debited,
    initiated,
    refund_requested,
    refunded,
)

DEADLINE = timedelta(minutes=10)
DEADLINES = Deadlines(activation=DEADLINE, refund=timedelta(hours=1))
FORGET = timedelta(days=14)


def facts_of(*envelopes: Envelope) -> PaymentFacts:
    facts = PaymentFacts(payment_id=PAYMENT)
    for envelope in envelopes:
        facts = apply(facts, envelope, envelope.event())
    return facts


def decide(facts: PaymentFacts, seen: timedelta, now: timedelta | None = None) -> Decision:
    return reconcile(
        facts,
        now=T0 + (now if now is not None else seen),
        seen_through=T0 + seen,
        deadlines=DEADLINES,
        forget_after=FORGET,
    )


def test_a_debit_without_activation_is_a_mismatch_at_its_deadline_and_not_before() -> None:
    facts = facts_of(initiated(), debited())

    assert decide(facts, DEADLINE - timedelta(seconds=1)).detect == ()
    assert decide(facts, DEADLINE).detect == (MismatchKind.DEBITED_NOT_ACTIVATED,)


def test_a_deadline_passed_on_the_clock_but_not_in_the_streams_waits() -> None:
    """After a restart the activation may still be unread in the backlog."""
    facts = facts_of(debited())

    assert decide(facts, seen=timedelta(minutes=5), now=timedelta(hours=1)).detect == ()


def test_an_activation_in_time_or_a_refund_means_no_mismatch() -> None:
    for settled in (activated(T0 + timedelta(minutes=3)), refunded(T0 + timedelta(minutes=4))):
        assert decide(facts_of(debited(), settled), DEADLINE * 3).detect == ()


def test_a_failed_activation_without_refund_is_still_money_taken_for_nothing() -> None:
    facts = facts_of(debited(), activation_failed(T0 + timedelta(minutes=1)))

    assert decide(facts, DEADLINE).detect == (MismatchKind.DEBITED_NOT_ACTIVATED,)


def test_a_sent_mismatch_is_not_sent_again_and_clears_once_when_the_activation_comes() -> None:
    facts = with_alerts(facts_of(debited()), decide(facts_of(debited()), DEADLINE), T0 + DEADLINE)
    assert decide(facts, DEADLINE * 2) == Decision()

    late = apply(facts, (late_event := activated(T0 + DEADLINE * 2)), late_event.event())
    clearing = decide(late, DEADLINE * 2)
    assert clearing.clear == ((MismatchKind.DEBITED_NOT_ACTIVATED, "provider-activated"),)
    assert decide(with_alerts(late, clearing, T0 + DEADLINE * 2), DEADLINE * 3) == Decision()


def test_a_refund_clears_it_too() -> None:
    facts = facts_of(debited())
    facts = with_alerts(facts, decide(facts, DEADLINE), T0 + DEADLINE)
    facts = apply(facts, (event := refunded(T0 + DEADLINE * 2)), event.event())

    assert decide(facts, DEADLINE * 2).clear == (
        (MismatchKind.DEBITED_NOT_ACTIVATED, "payment-refunded"),
    )


def test_an_activation_without_debit_is_a_mismatch_after_the_deadline_cleared_by_the_debit() -> (
    None
):
    facts = facts_of(activated())
    assert decide(facts, DEADLINE - timedelta(seconds=1)).detect == ()
    assert decide(facts, DEADLINE).detect == (MismatchKind.ACTIVATED_NOT_DEBITED,)

    facts = with_alerts(facts, decide(facts, DEADLINE), T0 + DEADLINE)
    facts = apply(facts, (event := debited(T0 + DEADLINE)), event.event())
    assert decide(facts, DEADLINE).clear == ((MismatchKind.ACTIVATED_NOT_DEBITED, "card-debited"),)


def test_an_activated_amount_other_than_the_debited_one_is_told_at_once() -> None:
    facts = facts_of(debited(amount=1000), activated(amount=900))

    assert decide(facts, timedelta(0)).detect == (MismatchKind.AMOUNT_DIFFERS,)


def test_two_activations_are_a_double_activation_but_a_repeated_event_is_not() -> None:
    once = activated(txn="PRV1")
    assert decide(facts_of(debited(), once, once), timedelta(0)).detect == ()
    assert decide(facts_of(debited(), once, activated(txn="PRV1")), timedelta(0)).detect == ()

    twice = facts_of(debited(), once, activated(txn="PRV2"))
    assert decide(twice, timedelta(0)).detect == (MismatchKind.DOUBLE_ACTIVATION,)


def test_the_sweep_is_told_when_to_look_again() -> None:
    waiting = facts_of(debited())
    assert next_check_at(waiting, DEADLINES, FORGET) == T0 + DEADLINE

    done = facts_of(debited(), activated(T0 + timedelta(minutes=1)))
    assert next_check_at(done, DEADLINES, FORGET) == T0 + timedelta(minutes=1) + FORGET


def test_a_quiet_settled_payment_is_forgotten_but_one_with_an_open_mismatch_is_not() -> None:
    done = facts_of(debited(), activated())
    assert decide(done, FORGET).forget

    open_alert = with_alerts(facts_of(debited()), decide(facts_of(debited()), DEADLINE), T0)
    assert not decide(open_alert, FORGET * 2).forget


events = st.sampled_from(
    ["initiated", "debited", "activated", "activated-again", "refund-requested", "refunded"]
)


@given(st.lists(events, max_size=8), st.integers(min_value=0, max_value=3 * 3600))
def test_every_kind_is_detected_at_most_once_and_cleared_only_after_detection(
    names: list[str], seconds: int
) -> None:
    builders = {
        "initiated": lambda at: initiated(at),
        "debited": lambda at: debited(at),
        "activated": lambda at: activated(at),
        "activated-again": lambda at: activated(at, txn="PRV2"),
        "refund-requested": lambda at: refund_requested(at),
        "refunded": lambda at: refunded(at),
    }
    facts = PaymentFacts(payment_id=PAYMENT)
    sent: list[MismatchKind] = []
    cleared: list[MismatchKind] = []
    for step, name in enumerate(names):
        at = T0 + timedelta(seconds=seconds * step / max(len(names), 1))
        facts = apply(facts, (event := builders[name](at)), event.event())
        for seen in (at, at + DEADLINE):
            decision = reconcile(
                facts, now=seen, seen_through=seen, deadlines=DEADLINES, forget_after=FORGET
            )
            sent += decision.detect
            cleared += [kind for kind, _ in decision.clear]
            facts = with_alerts(facts, decision, seen)

    assert len(sent) == len(set(sent))
    assert len(cleared) == len(set(cleared)) and set(cleared) <= set(sent)
    if (
        facts.debited_at
        and not facts.activations
        and facts.refunded is None
        and facts.refund_requested_at is None
    ):
        assert MismatchKind.DEBITED_NOT_ACTIVATED in sent

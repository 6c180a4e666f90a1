"""Facts gathered idempotently into a short trail; published events with ids that repeat."""

from __future__ import annotations

from datetime import timedelta

from contracts.envelope import Envelope
from contracts.events import MismatchDetected, MismatchKind
from contracts.ids import is_id, new_id
from reconciler.alerts import derived_event_id, mismatch_cleared, mismatch_detected
from reconciler.domain.facts import TRAIL_LIMIT, PaymentFacts, apply
from reconciler.domain.kinds import Deadlines

from .payment_events import PAYMENT, T0, activated, debited, initiated


def gather(*envelopes: Envelope) -> PaymentFacts:
    facts = PaymentFacts(payment_id=PAYMENT)
    for envelope in envelopes:
        facts = apply(facts, envelope, envelope.event())
    return facts


def test_a_redelivered_event_changes_nothing() -> None:
    debit = debited()
    once = gather(initiated(), debit)

    assert apply(once, debit, debit.event()) == once


def test_the_trail_keeps_how_the_payment_began_and_its_latest_events() -> None:
    first = initiated()
    many = [activated(T0 + timedelta(seconds=n), txn=f"PRV{n}") for n in range(40)]
    facts = gather(first, debited(), *many)

    assert len(facts.trail) == TRAIL_LIMIT
    assert facts.trail[0].event_id == first.id
    assert facts.trail[-1].event_id == many[-1].id
    assert len(facts.activations) == 40


def test_a_detection_carries_the_facts_and_the_same_id_every_time() -> None:
    facts = gather(initiated(), debited(amount=1000))
    deadline = timedelta(minutes=10)
    deadlines = Deadlines(activation=deadline, refund=timedelta(hours=1))
    first = mismatch_detected(facts, MismatchKind.DEBITED_NOT_ACTIVATED, deadlines, T0 + deadline)
    again = mismatch_detected(
        facts, MismatchKind.DEBITED_NOT_ACTIVATED, deadlines, T0 + deadline * 2
    )

    assert first.id == again.id and is_id("evt", first.id)
    event = first.event()
    assert isinstance(event, MismatchDetected)
    assert (event.service_id, event.account, event.debited) == (
        "azercell",
        "501234567",
        facts.debited,
    )
    assert event.deadline == T0 + deadline and len(event.trail) == 2
    assert first.subject == PAYMENT


def test_ids_differ_by_kind_and_by_detection_or_clearance() -> None:
    ids = {mismatch_cleared(PAYMENT, kind, "card-debited", T0).id for kind in MismatchKind} | {
        derived_event_id(PAYMENT, kind.value, "detected") for kind in MismatchKind
    }

    assert len(ids) == 2 * len(MismatchKind)
    assert derived_event_id(new_id("pay"), "x") != derived_event_id(new_id("pay"), "x")

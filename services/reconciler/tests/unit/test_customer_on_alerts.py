"""What the customer is told rides on the alerts: whom and in which language on a detection, and
how it ended (the provider's or the bank's reference) on a clearance."""

from __future__ import annotations

from datetime import timedelta

from contracts.envelope import Envelope
from contracts.events import MismatchCleared, MismatchDetected, MismatchKind, PaymentInitiated
from contracts.money import Money
from reconciler.alerts import mismatch_cleared, mismatch_detected
from reconciler.domain.facts import PaymentFacts, apply
from reconciler.domain.kinds import Deadlines

from .payment_events import PAYMENT, T0, activated, debited, refund_requested, refunded, wrap

DEADLINES = Deadlines(activation=timedelta(minutes=10), refund=timedelta(hours=1))


def initiated_by_customer() -> Envelope:
    return wrap(
        PaymentInitiated(
            payment_id=PAYMENT,
            service_id="azercell",
            account="501234567",
            amount=Money(qepik=1000),
            fee=Money(qepik=10),
            total=Money(qepik=1010),
            customer_email="aysel@example.az",
            language="ru",
            initiated_at=T0,
            expires_at=T0 + timedelta(minutes=15),
        ),
        T0,
    )


def gather(*envelopes: Envelope) -> PaymentFacts:
    facts = PaymentFacts(payment_id=PAYMENT)
    for envelope in envelopes:
        facts = apply(facts, envelope, envelope.event())
    return facts


def test_a_detection_says_whom_to_tell_and_in_which_language() -> None:
    facts = gather(initiated_by_customer(), debited())
    event = mismatch_detected(facts, MismatchKind.DEBITED_NOT_ACTIVATED, DEADLINES, T0).event()
    assert isinstance(event, MismatchDetected)
    assert (event.customer_email, event.language) == ("aysel@example.az", "ru")


def test_a_clearance_by_activation_carries_the_providers_reference() -> None:
    facts = gather(initiated_by_customer(), debited(), activated(txn="PRV-42"))
    kind = MismatchKind.DEBITED_NOT_ACTIVATED
    event = mismatch_cleared(PAYMENT, kind, "provider-activated", T0, facts).event()
    assert isinstance(event, MismatchCleared)
    assert event.provider_transaction_id == "PRV-42" and event.bank_refund_reference is None


def test_a_clearance_by_refund_carries_the_banks_reference_and_time() -> None:
    later = T0 + timedelta(minutes=30)
    facts = gather(initiated_by_customer(), debited(), refund_requested(), refunded(at=later))
    kind = MismatchKind.REFUND_NOT_CONFIRMED
    event = mismatch_cleared(PAYMENT, kind, "payment-refunded", later, facts).event()
    assert isinstance(event, MismatchCleared)
    assert (event.bank_refund_reference, event.refunded_at) == ("RF000000000001", later)
    assert event.provider_transaction_id is None

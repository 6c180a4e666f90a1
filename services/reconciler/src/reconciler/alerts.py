"""The events the reconciler publishes, with ids derived from what they are about.

A detection of one kind for one payment always has the same event id, so if the worker sends it
again after a crash (sent, then killed before it recorded the sending), consumers' inboxes drop
the copy.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Final

from contracts.envelope import Envelope
from contracts.events import MismatchCleared, MismatchDetected, MismatchKind
from contracts.ids import make_id
from reconciler.domain.facts import PaymentFacts
from reconciler.domain.kinds import Deadlines, deadline_of
from reconciler.domain.notes import what_happened

SOURCE: Final = "/services/reconciler"
_CROCKFORD: Final = "0123456789abcdefghjkmnpqrstvwxyz"


def derived_event_id(payment_id: str, *parts: str) -> str:
    """`evt_…` sorting with the payment (its time part) and unique to the parts (a digest)."""
    body = payment_id.split("_", 1)[-1]
    millis = 0
    for char in body[:10]:  # the first 10 characters of an id's body are its millisecond time
        millis = millis * 32 + max(_CROCKFORD.find(char), 0)
    digest = hashlib.sha256(":".join((payment_id, *parts)).encode()).digest()[:10]
    return make_id("evt", datetime.fromtimestamp(millis / 1000, UTC), digest)


def mismatch_detected(
    facts: PaymentFacts, kind: MismatchKind, deadlines: Deadlines, now: datetime
) -> Envelope:
    first_activation = facts.activations[0].amount if facts.activations else None
    event = MismatchDetected(
        payment_id=facts.payment_id,
        kind=kind,
        service_id=facts.service_id,
        account=facts.account,
        debited=facts.debited,
        activated=first_activation,
        debited_at=facts.debited_at,
        deadline=deadline_of(facts, kind, deadlines),
        expected=facts.expected_total,
        refunded=facts.refunded,
        refunded_at=facts.refunded_at,
        note=what_happened(facts, kind),
        trail=facts.trail,
        customer_email=facts.customer_email,
        language=facts.language,
        detected_at=now,
    )
    return Envelope.wrap(
        event,
        event_id=derived_event_id(facts.payment_id, kind.value, "detected"),
        source=SOURCE,
        time=now,
        correlation_id=facts.payment_id,
    )


def mismatch_cleared(
    payment_id: str,
    kind: MismatchKind,
    cleared_by: str,
    now: datetime,
    facts: PaymentFacts | None = None,
) -> Envelope:
    """With the facts, it says how it ended: the provider's reference of the activation, or the
    bank's reference and time of the refund (what the customer's closing letter tells them)."""
    activated = facts is not None and facts.activations and cleared_by == "provider-activated"
    activation = facts.activations[0] if facts and activated else None
    refund = facts if facts and cleared_by == "payment-refunded" else None
    event = MismatchCleared(
        payment_id=payment_id,
        kind=kind,
        cleared_by=cleared_by,
        cleared_at=now,
        provider_transaction_id=activation.provider_transaction_id if activation else None,
        bank_refund_reference=refund.refund_reference if refund else None,
        refunded=refund.refunded if refund else None,
        refunded_at=refund.refunded_at if refund else None,
    )
    return Envelope.wrap(
        event,
        event_id=derived_event_id(payment_id, kind.value, "cleared"),
        source=SOURCE,
        time=now,
        correlation_id=payment_id,
    )

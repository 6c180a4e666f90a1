"""The rule of each mismatch kind the event streams show: when it is due, what settles it, whether
it holds.

`seen_through` is the time up to which every payment and activation event has been read. A
deadline passes only in stream time, so a reconciler catching up after a restart does not call a
payment unactivated while its activation is still waiting, unread, in the backlog.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from contracts.events import MismatchKind
from reconciler.domain.facts import PaymentFacts

# Kinds that settle themselves when the missing event arrives; the others need a person.
CLEARABLE = (
    MismatchKind.DEBITED_NOT_ACTIVATED,
    MismatchKind.ACTIVATED_NOT_DEBITED,
    MismatchKind.REFUND_NOT_CONFIRMED,
)

STREAM_KINDS = (
    MismatchKind.DEBITED_NOT_ACTIVATED,
    MismatchKind.ACTIVATED_NOT_DEBITED,
    MismatchKind.AMOUNT_DIFFERS,
    MismatchKind.DOUBLE_ACTIVATION,
    MismatchKind.ACTIVATED_AFTER_REFUND,
    MismatchKind.REFUND_NOT_CONFIRMED,
    MismatchKind.DEBIT_AMOUNT_DIFFERS,
)


@dataclass(frozen=True)
class Deadlines:
    activation: timedelta  # a debit waits this long for its activation (or the reverse)
    refund: timedelta  # a requested refund waits this long for the bank's confirmation


def deadline_of(facts: PaymentFacts, kind: MismatchKind, deadlines: Deadlines) -> datetime | None:
    """When a waiting payment becomes a mismatch of this kind, if it is waiting for one."""
    match kind:
        case MismatchKind.DEBITED_NOT_ACTIVATED if facts.debited_at is not None:
            # A requested refund is a final outcome (the provider failed): the refund's own
            # deadline watches it from then on, so the payment is not flagged twice.
            if facts.refund_requested_at is None:
                return facts.debited_at + deadlines.activation
        case MismatchKind.ACTIVATED_NOT_DEBITED if facts.activations:
            return min(activation.at for activation in facts.activations) + deadlines.activation
        case MismatchKind.REFUND_NOT_CONFIRMED if facts.refund_requested_at is not None:
            return facts.refund_requested_at + deadlines.refund
    return None


def settled_by(facts: PaymentFacts, kind: MismatchKind) -> str | None:
    """The event type that resolves a clearable kind, once it has happened."""
    match kind:
        case MismatchKind.DEBITED_NOT_ACTIVATED:
            if facts.activations:
                return "provider-activated"
            return "payment-refunded" if facts.refunded is not None else None
        case MismatchKind.ACTIVATED_NOT_DEBITED:
            return "card-debited" if facts.debited_at is not None else None
        case MismatchKind.REFUND_NOT_CONFIRMED:
            return "payment-refunded" if facts.refunded is not None else None
    return None


def holds(
    facts: PaymentFacts, kind: MismatchKind, seen_through: datetime, deadlines: Deadlines
) -> bool:
    match kind:
        case (
            MismatchKind.DEBITED_NOT_ACTIVATED
            | MismatchKind.ACTIVATED_NOT_DEBITED
            | MismatchKind.REFUND_NOT_CONFIRMED
        ):
            due = deadline_of(facts, kind, deadlines)
            return due is not None and settled_by(facts, kind) is None and seen_through >= due
        case MismatchKind.AMOUNT_DIFFERS:
            return facts.debited is not None and any(
                activation.amount != facts.debited for activation in facts.activations
            )
        case MismatchKind.DOUBLE_ACTIVATION:
            return len(facts.activations) > 1
        case MismatchKind.ACTIVATED_AFTER_REFUND:
            # In either order: the service was given and the money went back to the card.
            return facts.refunded is not None and bool(facts.activations)
        case MismatchKind.DEBIT_AMOUNT_DIFFERS:
            return (
                facts.expected_total is not None
                and facts.card_total is not None
                and facts.card_total != facts.expected_total
            )
        case _:
            return False  # the settlement and registry kinds are found against outside reports

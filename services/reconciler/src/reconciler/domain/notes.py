"""What happened, in one sentence for the specialist who opens the case (the facts go alongside)."""

from __future__ import annotations

from contracts.events import MismatchKind
from reconciler.domain.facts import PaymentFacts


def what_happened(facts: PaymentFacts, kind: MismatchKind) -> str | None:
    match kind:
        case MismatchKind.ACTIVATED_AFTER_REFUND if facts.activations and facts.refunded:
            activation, refunded_at = facts.activations[0], facts.refunded_at
            order = (
                "after" if refunded_at is not None and activation.at >= refunded_at else "before"
            )
            return (
                f"The provider activated {activation.amount} (transaction "
                f"{activation.provider_transaction_id}) {order} {facts.refunded} went back to the "
                "card: the customer has both the service and the money. Recover one of them."
            )
        case MismatchKind.REFUND_NOT_CONFIRMED if facts.refund_requested_at is not None:
            return (
                f"A refund was requested at {facts.refund_requested_at.isoformat()} and the bank "
                "has not confirmed it: the customer's money is still held. The case closes "
                "itself when the bank confirms."
            )
        case MismatchKind.DEBIT_AMOUNT_DIFFERS if facts.card_total and facts.expected_total:
            taken, asked = facts.card_total, facts.expected_total
            difference = taken - asked if asked < taken else asked - taken
            more_or_less = "more" if asked < taken else "less"
            return (
                f"The bank debited {taken} for a payment of {asked}: {difference} {more_or_less} "
                "than we asked. Settle the difference with the bank and the customer."
            )
    return None

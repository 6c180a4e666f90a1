"""What ops ask of checkout: how many payments reach each state, and how long a debited card
waits for its service (the create request's own time is servicekit's HTTP histogram)."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

from checkout.domain.payment import Payment
from checkout.domain.states import PaymentState

PAYMENTS_ENTERED = Counter(
    "payments_entered_total", "Payments that reached the state (counted by the writer)", ["state"]
)
DEBIT_TO_COMPLETION = Histogram(
    "payment_debit_to_completion_seconds",
    "From the card's debit to the service's activation, for completed payments",
    buckets=(0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600),
)


def observe_move(before: Payment | None, after: Payment) -> None:
    """Called once the write of `after` won; nothing is counted for a write that lost."""
    if before is not None and before.state is after.state:
        return
    PAYMENTS_ENTERED.labels(state=after.state.value).inc()
    if after.state is PaymentState.COMPLETED:
        debited = [step.at for step in after.history if step.state is PaymentState.DEBITED]
        completed = [step.at for step in after.history if step.state is PaymentState.COMPLETED]
        if debited and completed:
            DEBIT_TO_COMPLETION.observe((completed[-1] - debited[0]).total_seconds())

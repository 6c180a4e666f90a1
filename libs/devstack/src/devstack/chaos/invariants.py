"""The invariants a chaos run must keep, over the facts gathered about each payment (pure).

The e2e suite's closing walk (`tests/e2e/money_walk.py`) checks the same money rules on its own
payments; here the facts also carry the bank's and the providers' books and the events' ids.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

SETTLED = frozenset({"completed", "refunded"})
TERMINAL = SETTLED | {"declined", "expired"}
# The event that says the payment reached each terminal state (topic payments.v1).
ENDING_EVENT = {
    "completed": "payment-completed",
    "refunded": "payment-refunded",
    "declined": "card-declined",
    "expired": "payment-expired",
}
# Events that happen at most once in a payment's life: two ids of one of them is a doubled effect.
ONCE_PER_PAYMENT = (
    "payment-initiated",
    "card-debited",
    "card-declined",
    "payment-expired",
    "payment-completed",
    "payment-refunded",
    "provider-activated",
)
# A case of this kind is settled once the payment has had this event (the reconciler clears it).
SETTLED_BY = {
    "debited_not_activated": ("provider-activated", "payment-refunded"),
    "activated_not_debited": ("card-debited",),
    "refund_not_confirmed": ("payment-refunded",),
}

RECONCILER_SAID = ("mismatch-detected", "mismatch-cleared")


@dataclass
class PaymentFacts:
    payment_id: str
    state: str | None  # in checkout's database; None: checkout does not have it
    answered_201: bool = False
    event_ids: dict[str, set[str]] = field(default_factory=dict)  # by type, distinct ids
    bank_debits: int = 0
    bank_refunds: int = 0
    activations_recorded: int = 0  # at the provider (or MCQS, for an IMEI registration)
    open_cases: Counter[str] = field(default_factory=Counter)  # open cases by kind
    case_kinds: Counter[str] = field(default_factory=Counter)  # every case, open or closed

    @property
    def cases(self) -> int:
        return sum(self.case_kinds.values())

    def had(self, event_type: str) -> bool:
        return bool(self.event_ids.get(event_type))

    @property
    def debited(self) -> bool:
        return self.bank_debits > 0 or self.had("card-debited")


def violations(facts: PaymentFacts) -> list[str]:
    """What is wrong with one payment once the run has settled; empty when it ended honestly."""
    return [*_money(facts), *_lifecycle(facts), *_events(facts)]


def _money(facts: PaymentFacts) -> list[str]:
    found = []
    open_cases = sum(facts.open_cases.values())
    if facts.debited and facts.state not in SETTLED and open_cases != 1:
        found.append(f"debited, left {facts.state}, with {open_cases} open cases (not exactly one)")
    if facts.activations_recorded > 1 or len(facts.event_ids.get("provider-activated", ())) > 1:
        found.append(f"activated twice ({facts.activations_recorded} at the provider)")
    if facts.bank_refunds > 1 or len(facts.event_ids.get("payment-refunded", ())) > 1:
        found.append(f"refunded twice ({facts.bank_refunds} at the bank)")
    activated = facts.activations_recorded > 0 or facts.had("provider-activated")
    if activated and (facts.bank_refunds > 0 or facts.had("payment-refunded")) and not facts.cases:
        found.append("activated and refunded, and no case was opened")
    for kind in facts.open_cases:
        if any(facts.had(event) for event in SETTLED_BY.get(kind, ())):
            said = {e: len(facts.event_ids.get(e, ())) for e in RECONCILER_SAID}
            found.append(f"a {kind} case is still open though the payment settled ({said})")
    return found


def _lifecycle(facts: PaymentFacts) -> list[str]:
    if facts.state is None:
        return ["answered 201 but not in checkout's database"] if facts.answered_201 else []
    if facts.state not in TERMINAL and not facts.open_cases:
        return [f"left {facts.state} past its deadline, and no case is open"]
    return []


def _events(facts: PaymentFacts) -> list[str]:
    found = []
    if facts.state is None and facts.event_ids:
        found.append("events published about a payment checkout does not have")
    endings = {event for event in ENDING_EVENT.values() if facts.had(event)}
    expected = {ENDING_EVENT[facts.state]} if facts.state in ENDING_EVENT else set()
    if endings != expected:
        found.append(
            f"checkout says {facts.state}; its ending events say {sorted(endings) or 'nothing'}"
        )
    for event in ONCE_PER_PAYMENT:
        if len(facts.event_ids.get(event, ())) > 1:
            found.append(f"{len(facts.event_ids[event])} different {event} events (doubled)")
    return found

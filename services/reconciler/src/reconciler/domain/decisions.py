"""Given a payment's facts and how far the event streams have been read: what to tell the world.

`seen_through` is the time up to which every payment and activation event has been read. A
deadline passes only in stream time, so a reconciler catching up after a restart does not call a
payment unactivated while its activation is still waiting, unread, in the backlog.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from contracts.events import MismatchKind
from reconciler.domain.facts import Alert, PaymentFacts

# Kinds that settle themselves when the missing event arrives; the others need a person.
CLEARABLE = (MismatchKind.DEBITED_NOT_ACTIVATED, MismatchKind.ACTIVATED_NOT_DEBITED)


@dataclass(frozen=True)
class Decision:
    detect: tuple[MismatchKind, ...] = ()
    clear: tuple[tuple[MismatchKind, str], ...] = ()  # the kind and the event type that settled it
    forget: bool = False


def deadline_of(facts: PaymentFacts, kind: MismatchKind, deadline: timedelta) -> datetime | None:
    """When a waiting payment becomes a mismatch of this kind, if it is waiting for one."""
    if kind is MismatchKind.DEBITED_NOT_ACTIVATED and facts.debited_at is not None:
        return facts.debited_at + deadline
    if kind is MismatchKind.ACTIVATED_NOT_DEBITED and facts.activations:
        return min(activation.at for activation in facts.activations) + deadline
    return None


def settled_by(facts: PaymentFacts, kind: MismatchKind) -> str | None:
    """The event type that resolves a clearable kind, once it has happened."""
    if kind is MismatchKind.DEBITED_NOT_ACTIVATED:
        if facts.activations:
            return "provider-activated"
        return "payment-refunded" if facts.refunded is not None else None
    if kind is MismatchKind.ACTIVATED_NOT_DEBITED:
        return "card-debited" if facts.debited_at is not None else None
    return None


def holds(
    facts: PaymentFacts, kind: MismatchKind, seen_through: datetime, deadline: timedelta
) -> bool:
    match kind:
        case MismatchKind.DEBITED_NOT_ACTIVATED | MismatchKind.ACTIVATED_NOT_DEBITED:
            due = deadline_of(facts, kind, deadline)
            return due is not None and settled_by(facts, kind) is None and seen_through >= due
        case MismatchKind.AMOUNT_DIFFERS:
            return facts.debited is not None and any(
                activation.amount != facts.debited for activation in facts.activations
            )
        case MismatchKind.DOUBLE_ACTIVATION:
            return len(facts.activations) > 1
        case _:
            return False  # the settlement kinds are found against the bank's report


STREAM_KINDS = (
    MismatchKind.DEBITED_NOT_ACTIVATED,
    MismatchKind.ACTIVATED_NOT_DEBITED,
    MismatchKind.AMOUNT_DIFFERS,
    MismatchKind.DOUBLE_ACTIVATION,
)


def reconcile(
    facts: PaymentFacts,
    *,
    now: datetime,
    seen_through: datetime,
    deadline: timedelta,
    forget_after: timedelta,
) -> Decision:
    """New mismatches (each kind once per payment), open ones now settled, or a quiet payment's end."""
    detect = tuple(
        kind
        for kind in STREAM_KINDS
        if kind not in facts.alerts and holds(facts, kind, seen_through, deadline)
    )
    clear = tuple(
        (kind, by)
        for kind, alert in facts.alerts.items()
        if alert.is_open and (by := settled_by(facts, kind)) is not None
    )
    forget = (
        not detect
        and not _waiting(facts, deadline)
        and not _open_clearable(facts, clear)
        and facts.last_event_at is not None
        and now >= facts.last_event_at + forget_after
    )
    return Decision(detect, clear, forget)


def with_alerts(facts: PaymentFacts, decision: Decision, now: datetime) -> PaymentFacts:
    """The facts after the decision's events were sent: alerts recorded so none is sent twice."""
    alerts = dict(facts.alerts)
    for kind in decision.detect:
        alerts[kind] = Alert(detected_at=now)
    for kind, by in decision.clear:
        alerts[kind] = alerts[kind].model_copy(update={"cleared_by": by, "cleared_at": now})
    return facts.model_copy(update={"alerts": alerts})


def next_check_at(
    facts: PaymentFacts, deadline: timedelta, forget_after: timedelta
) -> datetime | None:
    """The earliest time a decision about these facts can change without a new event."""
    waiting = _waiting(facts, deadline)
    if waiting:
        return min(waiting)
    if facts.last_event_at is not None and not _open_clearable(facts, ()):
        return facts.last_event_at + forget_after
    return None


def _waiting(facts: PaymentFacts, deadline: timedelta) -> list[datetime]:
    """Deadlines still running: a debit waiting for its activation, or the other way round."""
    return [
        due
        for kind in CLEARABLE
        if kind not in facts.alerts
        and settled_by(facts, kind) is None
        and (due := deadline_of(facts, kind, deadline)) is not None
    ]


def _open_clearable(facts: PaymentFacts, clearing: tuple[tuple[MismatchKind, str], ...]) -> bool:
    """An alert that a later event may still clear: the payment must be remembered until then."""
    cleared_now = {kind for kind, _ in clearing}
    return any(
        alert.is_open and kind in CLEARABLE and kind not in cleared_now
        for kind, alert in facts.alerts.items()
    )

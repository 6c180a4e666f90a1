"""Given a payment's facts and how far the event streams have been read: what to tell the world
(each kind's own rule is in `kinds`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from contracts.events import MismatchKind
from reconciler.domain.facts import Alert, PaymentFacts
from reconciler.domain.kinds import (
    CLEARABLE,
    STREAM_KINDS,
    Deadlines,
    deadline_of,
    holds,
    settled_by,
)

__all__ = ["Deadlines", "Decision", "deadline_of", "next_check_at", "reconcile", "with_alerts"]


@dataclass(frozen=True)
class Decision:
    detect: tuple[MismatchKind, ...] = ()
    clear: tuple[tuple[MismatchKind, str], ...] = ()  # the kind and the event type that settled it
    forget: bool = False


def reconcile(
    facts: PaymentFacts,
    *,
    now: datetime,
    seen_through: datetime,
    deadlines: Deadlines,
    forget_after: timedelta,
) -> Decision:
    """New mismatches (each kind once per payment), open ones now settled, or a quiet payment's end."""
    detect = tuple(
        kind
        for kind in STREAM_KINDS
        if kind not in facts.alerts and holds(facts, kind, seen_through, deadlines)
    )
    clear = tuple(
        (kind, by)
        for kind, alert in facts.alerts.items()
        if alert.is_open and (by := settled_by(facts, kind)) is not None
    )
    forget = (
        not detect
        and not _waiting(facts, deadlines)
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
    facts: PaymentFacts, deadlines: Deadlines, forget_after: timedelta
) -> datetime | None:
    """The earliest time a decision about these facts can change without a new event."""
    waiting = _waiting(facts, deadlines)
    if waiting:
        return min(waiting)
    if facts.last_event_at is not None and not _open_clearable(facts, ()):
        return facts.last_event_at + forget_after
    return None


def _waiting(facts: PaymentFacts, deadlines: Deadlines) -> list[datetime]:
    """Deadlines still running: a debit waiting for its activation (or the other way round), a
    refund waiting for the bank."""
    return [
        due
        for kind in CLEARABLE
        if kind not in facts.alerts
        and settled_by(facts, kind) is None
        and (due := deadline_of(facts, kind, deadlines)) is not None
    ]


def _open_clearable(facts: PaymentFacts, clearing: tuple[tuple[MismatchKind, str], ...]) -> bool:
    """An alert that a later event may still clear: the payment must be remembered until then."""
    cleared_now = {kind for kind, _ in clearing}
    return any(
        alert.is_open and kind in CLEARABLE and kind not in cleared_now
        for kind, alert in facts.alerts.items()
    )

"""The facts the reconciler gathers about one payment from its events, applied idempotently."""

from __future__ import annotations

from datetime import datetime
from typing import Final

from pydantic import BaseModel, ConfigDict

from contracts.envelope import Envelope
from contracts.events import (
    ActivationFailed,
    CardDebited,
    Language,
    MismatchCleared,
    MismatchDetected,
    MismatchKind,
    PaymentInitiated,
    PaymentRefunded,
    ProviderActivated,
    RefundRequested,
    TrailEntry,
)
from contracts.events.base import EventData
from contracts.money import Money

TRAIL_HEAD: Final = 4
TRAIL_LIMIT: Final = 16


class Activation(BaseModel):
    model_config = ConfigDict(frozen=True)

    provider_transaction_id: str
    amount: Money
    at: datetime


class Alert(BaseModel):
    """A mismatch told to the world once; `cleared_by` is set once it no longer holds."""

    model_config = ConfigDict(frozen=True)

    detected_at: datetime
    cleared_by: str | None = None
    cleared_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.cleared_by is None


class PaymentFacts(BaseModel):
    """Debit, activations and refund of one payment, the alerts sent, and a short event trail."""

    model_config = ConfigDict(frozen=True)

    payment_id: str
    service_id: str | None = None
    account: str | None = None
    # Whom to tell about a mismatch, and in which language (from `payment-initiated`).
    customer_email: str | None = None
    language: Language | None = None
    expected_total: Money | None = None  # what we asked the card for (`payment-initiated.total`)
    debited: Money | None = None  # the provider's share of the debit (`card-debited.amount`)
    card_total: Money | None = None  # what the card was charged
    debited_at: datetime | None = None
    activations: tuple[Activation, ...] = ()
    activation_failed_at: datetime | None = None
    refund_requested_at: datetime | None = None
    refunded: Money | None = None
    refunded_at: datetime | None = None
    refund_reference: str | None = None  # the bank's, told to the customer when a case ends
    last_event_at: datetime | None = None
    trail: tuple[TrailEntry, ...] = ()
    alerts: dict[MismatchKind, Alert] = {}
    # When a decision may change without a new event: read by the sweep timer.
    next_check_at: datetime | None = None

    def has_seen(self, event_id: str) -> bool:
        return any(entry.event_id == event_id for entry in self.trail)


def apply(facts: PaymentFacts, envelope: Envelope, event: EventData) -> PaymentFacts:
    """The facts after one event; an event already in the trail changes nothing."""
    if isinstance(event, MismatchDetected | MismatchCleared):
        return _told(facts, envelope, event)
    if facts.has_seen(envelope.id):
        return facts
    update: dict[str, object] = {
        "trail": _trail_with(
            facts.trail, TrailEntry(event_id=envelope.id, type=event.type, time=envelope.time)
        ),
        "last_event_at": envelope.time
        if facts.last_event_at is None
        else max(facts.last_event_at, envelope.time),
    }
    match event:
        case PaymentInitiated():
            update |= {
                "service_id": event.service_id,
                "account": event.account,
                "expected_total": event.total,
                "customer_email": event.customer_email,
                "language": event.language,
            }
        case CardDebited():
            update |= {
                "service_id": event.service_id,
                "account": event.account,
                "debited": event.amount,
                "card_total": event.total,
                "debited_at": event.debited_at,
            }
        case ProviderActivated():
            update["service_id"] = facts.service_id or event.service_id
            known = {activation.provider_transaction_id for activation in facts.activations}
            if event.provider_transaction_id not in known:
                activation = Activation(
                    provider_transaction_id=event.provider_transaction_id,
                    amount=event.amount,
                    at=event.activated_at,
                )
                update["activations"] = (*facts.activations, activation)
        case RefundRequested():
            update["refund_requested_at"] = event.requested_at
        case PaymentRefunded():
            update |= {
                "refunded": event.total,
                "refunded_at": event.refunded_at,
                "refund_reference": event.bank_refund_reference,
            }
        case ActivationFailed():
            update["activation_failed_at"] = event.failed_at
    return facts.model_copy(update=update)


def _told(
    facts: PaymentFacts, envelope: Envelope, event: MismatchDetected | MismatchCleared
) -> PaymentFacts:
    """Our own alert read back from `reconciliation.v1`: a worker killed after sending it and
    before storing it learns of it here, so a later event still clears it. Not in the trail."""
    alerts = dict(facts.alerts)
    known = alerts.get(event.kind)
    match event:
        case MismatchDetected() if known is None:
            alerts[event.kind] = Alert(detected_at=event.detected_at)
        case MismatchCleared() if known is not None and known.is_open:
            cleared = {"cleared_by": event.cleared_by, "cleared_at": event.cleared_at}
            alerts[event.kind] = known.model_copy(update=cleared)
        case _:
            return facts
    last = facts.last_event_at or envelope.time  # so that a payment known only so is forgotten
    return facts.model_copy(update={"alerts": alerts, "last_event_at": last})


def _trail_with(trail: tuple[TrailEntry, ...], entry: TrailEntry) -> tuple[TrailEntry, ...]:
    """Keeps the first events (how the payment began) and the latest ones, at most TRAIL_LIMIT."""
    longer = (*trail, entry)
    if len(longer) <= TRAIL_LIMIT:
        return longer
    return (*longer[:TRAIL_HEAD], *longer[len(longer) - (TRAIL_LIMIT - TRAIL_HEAD) :])

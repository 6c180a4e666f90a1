"""Envelopes of one payment's events, as checkout and provider-gateway publish them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from contracts.envelope import Envelope
from contracts.events import (
    ActivationFailed,
    CardDebited,
    PaymentInitiated,
    PaymentRefunded,
    ProviderActivated,
    RefundRequested,
)
from contracts.events.base import EventData
from contracts.ids import make_id, new_id
from contracts.money import Money

T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
PAYMENT = make_id("pay", T0, bytes(10))


def wrap(event: EventData, at: datetime, event_id: str | None = None) -> Envelope:
    return Envelope.wrap(event, event_id=event_id or new_id("evt"), source="/tests", time=at)


def initiated(at: datetime = T0, payment_id: str = PAYMENT, total: int = 1010) -> Envelope:
    return wrap(
        PaymentInitiated(
            payment_id=payment_id,
            service_id="azercell",
            account="501234567",
            amount=Money(qepik=1000),
            fee=Money(qepik=10),
            total=Money(qepik=total),
            initiated_at=at,
            expires_at=at + timedelta(minutes=15),
        ),
        at,
    )


def debited(at: datetime = T0, amount: int = 1000, payment_id: str = PAYMENT) -> Envelope:
    return wrap(
        CardDebited(
            payment_id=payment_id,
            service_id="azercell",
            account="501234567",
            amount=Money(qepik=amount),
            total=Money(qepik=amount + 10),
            bank_reference="RRN000000000001",
            debited_at=at,
        ),
        at,
    )


def activated(
    at: datetime = T0, amount: int = 1000, txn: str = "PRV1", payment_id: str = PAYMENT
) -> Envelope:
    return wrap(
        ProviderActivated(
            payment_id=payment_id,
            service_id="azercell",
            amount=Money(qepik=amount),
            provider_transaction_id=txn,
            activated_at=at,
        ),
        at,
    )


def activation_failed(at: datetime = T0, payment_id: str = PAYMENT) -> Envelope:
    return wrap(
        ActivationFailed(
            payment_id=payment_id,
            service_id="azercell",
            provider_code="7",
            reason="payment forbidden",
            failed_at=at,
        ),
        at,
    )


def refunded(at: datetime = T0, payment_id: str = PAYMENT) -> Envelope:
    return wrap(
        PaymentRefunded(
            payment_id=payment_id,
            total=Money(qepik=1010),
            bank_refund_reference="RF000000000001",
            refunded_at=at,
        ),
        at,
    )


def refund_requested(at: datetime = T0, payment_id: str = PAYMENT) -> Envelope:
    return wrap(
        RefundRequested(
            payment_id=payment_id,
            total=Money(qepik=1010),
            reason="payment forbidden",
            requested_at=at,
        ),
        at,
    )

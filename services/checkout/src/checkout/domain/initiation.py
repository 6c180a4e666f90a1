"""A payment begins: waiting for the bank's card page, with its first event."""

from __future__ import annotations

from datetime import datetime

from checkout.domain.payment import Payment, Transition
from checkout.domain.service_label import ServiceLabel
from checkout.domain.states import PaymentState
from contracts.events import Language, PaymentInitiated
from contracts.money import Money


def initiate(
    payment_id: str,
    service_id: str,
    account: str,
    amount: Money,
    fee: Money,
    email: str | None,
    now: datetime,
    expires_at: datetime,
    language: Language = "az",
    service_label: ServiceLabel | None = None,
) -> Payment:
    """A new payment waiting for the card page, with its first event."""
    total = amount + fee
    return Payment(
        id=payment_id,
        service_id=service_id,
        account=account,
        amount=amount,
        fee=fee,
        total=total,
        email=email,
        created_at=now,
        expires_at=expires_at,
        language=language,
        history=(Transition(PaymentState.INITIATED, now, "created"),),
        service_label=service_label,
        pending_events=(
            PaymentInitiated(
                payment_id=payment_id,
                service_id=service_id,
                account=account,
                amount=amount,
                fee=fee,
                total=total,
                customer_email=email,
                language=language,
                initiated_at=now,
                expires_at=expires_at,
            ),
        ),
    )

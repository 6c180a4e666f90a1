"""How a debited payment of the IMEI service becomes a registration, or is refused for a refund."""

from __future__ import annotations

from datetime import datetime, timedelta

from contracts.events import ActivationFailed, CardDebited
from imei_registry.domain.quote import IMEI_SERVICE_ID, PaymentRefusal, Quote
from imei_registry.domain.registration import Registration, registration_id_for
from imei_registry.domain.states import RegistrationState


def open_registration(
    debited: CardDebited, quote: Quote, now: datetime, submit_within: timedelta
) -> Registration:
    """Paid and matching its quote: to be handed to the registry now."""
    model = quote.device.model
    return Registration(
        id=registration_id_for(debited.payment_id, debited.debited_at),
        payment_id=debited.payment_id,
        quote_id=quote.id,
        imeis=quote.device.imeis,
        brand=model.brand if model else None,
        model=model.model if model else None,
        paid=debited.amount,
        email=quote.email,
        language=quote.language,
        created_at=now,
        submit_deadline=now + submit_within,
        next_action_at=now,
    )


def refuse_payment(
    debited: CardDebited, refusal: PaymentRefusal, quote: Quote | None, now: datetime
) -> Registration:
    """Nothing can be registered with this payment: it is recorded, and checkout refunds it."""
    fee = quote.fee.amount_qepik if quote else None
    reason = refusal.reason(debited.account, debited.amount.qepik, fee)
    failed = ActivationFailed(
        payment_id=debited.payment_id,
        service_id=IMEI_SERVICE_ID,
        provider_code=refusal.value,
        reason=reason,
        failed_at=now,
    )
    return Registration(
        id=registration_id_for(debited.payment_id, debited.debited_at),
        payment_id=debited.payment_id,
        quote_id=debited.account,
        imeis=quote.device.imeis if quote else (),
        brand=None,
        model=None,
        paid=debited.amount,
        email=quote.email if quote else None,
        created_at=now,
        submit_deadline=now,
        state=RegistrationState.REFUSED,
        failure_code=refusal.value,
        failure_reason=reason,
        pending_events=(failed,),
    )

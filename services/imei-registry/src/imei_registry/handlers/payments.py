"""A card was debited for the IMEI service: check it against its quote, then register the device.

imei-registry is the provider of `imei-registration`: where provider-gateway would pay a biller,
this hands the registration to MCQS. The registration's id comes from the payment id, so a
repeated `card-debited` finds the registration the first one made instead of making another.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from pymongo.errors import DuplicateKeyError

from contracts.events import CardDebited
from contracts.ids import is_id
from imei_registry.domain.opening import open_registration, refuse_payment
from imei_registry.domain.quote import IMEI_SERVICE_ID, PaymentRefusal, refusal_for_payment
from imei_registry.domain.registration import registration_id_for
from imei_registry.handlers.context import ImeiRegistry
from imei_registry.handlers.progress import advance

log = logging.getLogger(__name__)


async def register_paid_device(registry: ImeiRegistry, debited: CardDebited) -> None:
    if debited.service_id != IMEI_SERVICE_ID:
        return  # a biller's payment: provider-gateway activates it
    registration_id = registration_id_for(debited.payment_id, debited.debited_at)
    if await registry.registrations.get(registration_id) is None:
        await _open(registry, debited)
    await advance(registry, registration_id)


async def _open(registry: ImeiRegistry, debited: CardDebited) -> None:
    quote_id = debited.account
    quote = await registry.quotes.get(quote_id) if is_id("qte", quote_id) else None
    refusal = refusal_for_payment(quote, debited.amount.qepik, debited.debited_at)
    if quote is not None and refusal is None:
        claimed = await registry.quotes.claim(quote.id, debited.payment_id)
        refusal = None if claimed else PaymentRefusal.QUOTE_ALREADY_PAID
    now = registry.clock()
    if refusal is not None or quote is None:
        log.warning("payment %s refused: %s", debited.payment_id, refusal)
        registration = refuse_payment(debited, refusal or PaymentRefusal.QUOTE_UNKNOWN, quote, now)
    else:
        deadline = timedelta(seconds=registry.settings.submit_deadline_seconds)
        registration = open_registration(debited, quote, now, deadline)
    try:
        await registry.registrations.add(registration)
    except DuplicateKeyError:
        log.info("registration of payment %s exists already", debited.payment_id)

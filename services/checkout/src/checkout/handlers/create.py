"""Create a payment: claim the idempotency key, quote at the catalog, open the card page, store it.

Every step can be repeated: a retry with the same key and body resumes where the first attempt
stopped (the bank's session is idempotent by payment id) and ends with the same answer.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

from pymongo.errors import DuplicateKeyError

from checkout.adapters.bank import BankUnavailableError
from checkout.adapters.catalog import CatalogRefusedError, CatalogUnavailableError
from checkout.domain.initiation import initiate
from checkout.domain.payment import Payment
from checkout.handlers.context import Checkout
from checkout.handlers.errors import (
    KeyReusedError,
    PaymentCannotStartError,
    RequestInProgressError,
    ServiceRejectedError,
)
from checkout.receipts import bank_page_description
from checkout.views import CreatePaymentRequest, payment_created_view
from contracts.ids import new_id
from contracts.money import Money

IN_PROGRESS_SECONDS = 10
# The bank's card page speaks Azerbaijani and English (docs/protocols.md §1) and refuses any other
# language: a customer paying in Russian gets the bank's page in Azerbaijani, our letters in Russian.
BANK_PAGE_LANGUAGE: dict[str, str] = {"az": "az", "en": "en", "ru": "az"}
# The key's record keeps the answer's HTTP status (its stored format): 201 for the payment, the
# catalog's own status for its refusal.
CREATED = 201


async def create_payment(
    checkout: Checkout, key: str, request: CreatePaymentRequest
) -> dict[str, Any]:
    """The created payment's view, the same for every repetition; refusals are CheckoutErrors."""
    fingerprint = hashlib.sha256(request.model_dump_json().encode()).hexdigest()
    now = checkout.clock()
    proposed_id = new_id("pay")
    record = await checkout.keys.claim(key, fingerprint, proposed_id, now)
    if record.fingerprint != fingerprint:
        raise KeyReusedError()
    if record.response is not None and record.status_code is not None:
        return _repeat(record.status_code, record.response)
    ours = record.payment_id == proposed_id
    payment = None if ours else await checkout.payments.get(record.payment_id)
    if payment is None:
        if not ours and record.claimed_at > now - timedelta(seconds=IN_PROGRESS_SECONDS):
            raise RequestInProgressError()
        payment = await _start(checkout, key, record.payment_id, request)
    answer = payment_created_view(payment)
    standing = await checkout.keys.remember_answer(key, CREATED, answer)
    if standing is not None and standing[1]:
        return _repeat(*standing)  # the first answer, maybe ours
    return answer


async def _start(
    checkout: Checkout, key: str, payment_id: str, request: CreatePaymentRequest
) -> Payment:
    """Quote, then the bank's card page, then one insert of the payment with its first event."""
    try:
        quote = await checkout.catalog.quote(
            request.service_id, request.account, str(request.amount)
        )
    except CatalogRefusedError as refusal:
        stored = {"code": refusal.code, **refusal.words, "extra": refusal.extra}
        await checkout.keys.remember_answer(key, refusal.status, stored)
        raise _rejected(refusal.status, stored) from None
    except CatalogUnavailableError:
        await checkout.keys.release(key)
        raise PaymentCannotStartError() from None
    label = await checkout.catalog.label(quote.service_id)
    now = checkout.clock()
    payment = initiate(
        payment_id,
        quote.service_id,
        quote.account,
        Money(qepik=quote.amount_qepik),
        Money(qepik=quote.fee_qepik),
        request.email,
        now,
        now + timedelta(seconds=checkout.settings.bank_session_seconds),
        request.language,
        service_label=label,
    )
    settings = checkout.settings
    try:
        session = await checkout.bank.open_session(
            payment.id,
            payment.total.qepik,
            bank_page_description(payment, request.language),
            f"{settings.public_url}/pay/result?payment={payment.id}",
            settings.callback_url,
            BANK_PAGE_LANGUAGE[request.language],
        )
    except BankUnavailableError:
        await checkout.keys.release(key)  # nothing stored: the customer may simply try again
        raise PaymentCannotStartError() from None
    payment = payment.attach_card_page(session.payment_page_url, session.expires_at)
    try:
        await checkout.payments.add(payment)
    except DuplicateKeyError:
        # Another replica took the same key (and so the same payment id) over and stored it
        # first: that payment is the one, and both requests answer with it.
        first = await checkout.payments.get(payment.id)
        if first is None:
            raise
        return first
    return payment


def _repeat(status_code: int, response: dict[str, Any]) -> dict[str, Any]:
    """The first answer again; a refused first attempt is refused again with the same words."""
    if status_code >= 400:
        raise _rejected(status_code, response)
    return response


def _rejected(status_code: int, stored: dict[str, Any]) -> ServiceRejectedError:
    words = {language: stored[language] for language in ("az", "en", "ru") if stored.get(language)}
    return ServiceRejectedError(stored["code"], words, stored["extra"], status_code)

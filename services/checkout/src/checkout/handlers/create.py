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
from checkout.adapters.catalog import CatalogUnavailableError
from checkout.domain.payment import Payment, initiate
from checkout.handlers.context import Checkout
from checkout.views import CreatePaymentRequest, payment_created_view
from contracts.ids import new_id
from contracts.money import Money
from servicekit.problems import Problem

IN_PROGRESS_SECONDS = 10


async def create_payment(
    checkout: Checkout, key: str, request: CreatePaymentRequest
) -> tuple[int, dict[str, Any]]:
    fingerprint = hashlib.sha256(request.model_dump_json().encode()).hexdigest()
    now = checkout.clock()
    proposed_id = new_id("pay")
    record = await checkout.keys.claim(key, fingerprint, proposed_id, now)
    if record.fingerprint != fingerprint:
        raise Problem(
            422,
            "idempotency_key_reused",
            "This Idempotency-Key was used for a different payment.",
            "Bu Idempotency-Key başqa ödəniş üçün istifadə olunub.",
        )
    if record.response is not None and record.status_code is not None:
        return _repeat(record.status_code, record.response)
    ours = record.payment_id == proposed_id
    payment = None if ours else await checkout.payments.get(record.payment_id)
    if payment is None:
        if not ours and record.claimed_at > now - timedelta(seconds=IN_PROGRESS_SECONDS):
            raise _in_progress()
        payment = await _start(checkout, key, record.payment_id, request)
    answer = payment_created_view(payment)
    standing = await checkout.keys.remember_answer(key, 201, answer)
    if standing is not None and standing[1]:
        return _repeat(*standing)  # the first answer, maybe ours
    return 201, answer


async def _start(
    checkout: Checkout, key: str, payment_id: str, request: CreatePaymentRequest
) -> Payment:
    """Quote, then the bank's card page, then one insert of the payment with its first event."""
    try:
        quote = await checkout.catalog.quote(
            request.service_id, request.account, str(request.amount)
        )
    except Problem as refusal:
        stored = {"code": refusal.code, "en": refusal.en, "az": refusal.az, "extra": refusal.extra}
        await checkout.keys.remember_answer(key, refusal.status, stored)
        raise
    except CatalogUnavailableError:
        await checkout.keys.release(key)
        raise _unavailable() from None
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
    )
    settings = checkout.settings
    try:
        session = await checkout.bank.open_session(
            payment.id,
            payment.total.qepik,
            f"{payment.service_id} {payment.account}",
            f"{settings.public_url}/pay/result?payment={payment.id}",
            settings.callback_url,
            request.language,
        )
    except BankUnavailableError:
        await checkout.keys.release(key)  # nothing stored: the customer may simply try again
        raise _unavailable() from None
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


def _repeat(status_code: int, response: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """The first answer again; a refusal is raised again as the same problem."""
    if status_code >= 400:
        raise Problem(
            status_code, response["code"], response["en"], response["az"], extra=response["extra"]
        )
    return status_code, response


def _in_progress() -> Problem:
    return Problem(
        409,
        "request_in_progress",
        "This payment is still being created; repeat the request in a moment.",
        "Bu ödəniş hələ yaradılır; sorğunu bir azdan təkrarlayın.",
        headers={"Retry-After": "1"},
    )


def _unavailable() -> Problem:
    return Problem(
        503,
        "temporarily_unavailable",
        "We cannot start the payment right now. Nothing was charged; try again in a minute.",
        "Hazırda ödənişə başlamaq mümkün deyil. Heç nə tutulmayıb; bir dəqiqədən sonra cəhd edin.",
        headers={"Retry-After": "5"},
    )

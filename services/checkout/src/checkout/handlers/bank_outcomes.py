"""What the bank tells us (by callback, or when we ask before expiring): debit, decline, or nothing."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictInt

from checkout.adapters.bank import BankUnavailableError
from checkout.domain.payment import Payment
from checkout.domain.states import PaymentState, TransitionRefusedError
from checkout.handlers.context import Checkout
from contracts.events import DeclineReason
from contracts.money import Money
from servicekit.retry import LOST, Lost, until_written

log = logging.getLogger(__name__)


class BankCallback(BaseModel):
    """The bank's signed callback body (docs/protocols.md §1)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    event_id: str = Field(min_length=1, max_length=64)
    order_id: str = Field(min_length=1, max_length=64)
    status: str = Field(pattern="^(debited|declined)$")
    amount_qepik: StrictInt = Field(ge=0)
    bank_reference: str | None = Field(default=None, max_length=64)
    decline_reason: DeclineReason | None = None
    bank_code: str = Field(default="", max_length=16)
    occurred_at: AwareDatetime


class Applied(StrEnum):
    APPLIED = "applied"
    ALREADY_KNOWN = "already_known"
    UNKNOWN_PAYMENT = "unknown_payment"
    LATE_DEBIT_REFUNDED = "late_debit_refunded"


async def apply_bank_callback(checkout: Checkout, callback: BankCallback) -> Applied:
    """Applies the bank's word once. Applied callbacks live on in the payment's history; the rest
    (repeats, unknown orders, late debits) are kept in `bank_callbacks` for people to look at."""
    outcome = await _apply(checkout, callback)
    if outcome is not Applied.APPLIED:
        record = {**callback.model_dump(mode="json"), "outcome": outcome.value}
        await checkout.bank_callbacks.update_one(
            {"_id": callback.event_id},
            {"$set": {**record, "last_received_at": checkout.clock()}, "$inc": {"received": 1}},
            upsert=True,
        )
    return outcome


async def _apply(checkout: Checkout, callback: BankCallback) -> Applied:
    async with checkout.payments.lock(callback.order_id):
        return await until_written(
            lambda: _apply_once(checkout, callback), f"bank callback {callback.event_id}"
        )


async def _apply_once(checkout: Checkout, callback: BankCallback) -> Applied | Lost:
    """Decides on the payment as it is now. A lost write is decided again: the other writer may
    have been the other replica's expiry, and a debit then has to be refunded."""
    payment = await checkout.payments.get(callback.order_id)
    if payment is None:
        log.warning("bank callback for unknown order %s", callback.order_id)
        return Applied.UNKNOWN_PAYMENT
    try:
        changed = _as_told(payment, callback)
    except TransitionRefusedError as refused:
        if refused.current is PaymentState.EXPIRED and refused.wanted is PaymentState.DEBITED:
            # The customer paid after we gave up on the page: the money goes back at once.
            reference = await checkout.bank.refund(payment.id, callback.amount_qepik)
            log.warning("debit after expiry for %s: refunded at the bank", payment.id)
            told = payment.late_debit_refunded(reference, checkout.clock())
            if told != payment and not await checkout.payments.save(payment, told):
                return LOST  # read again: the refund at the bank is idempotent by payment id
            return Applied.LATE_DEBIT_REFUNDED
        return Applied.ALREADY_KNOWN  # a repeat, or news older than what the payment knows
    return Applied.APPLIED if await checkout.payments.save(payment, changed) else LOST


def _as_told(payment: Payment, callback: BankCallback) -> Payment:
    """The payment moved by the bank's word; refused unless the payment is still initiated."""
    if callback.status == "debited":
        return payment.debit(
            callback.bank_reference or callback.event_id,
            Money(qepik=callback.amount_qepik),
            callback.occurred_at,
        )
    return payment.decline(
        callback.decline_reason or DeclineReason.OTHER, callback.bank_code, callback.occurred_at
    )


async def settle_overdue(checkout: Checkout, payment_id: str) -> None:
    """A card page past its time: ask the bank first (a callback may be late), then expire."""
    try:
        transaction = await checkout.bank.transaction(payment_id)
    except BankUnavailableError:
        log.warning("bank unreachable; %s stays initiated until it answers", payment_id)
        return
    now = checkout.clock()
    if transaction is not None and transaction.status in ("debited", "declined"):
        reason = DeclineReason(transaction.decline_reason) if transaction.decline_reason else None
        await apply_bank_callback(
            checkout,
            BankCallback(
                event_id=f"status:{payment_id}",
                order_id=payment_id,
                status=transaction.status,
                amount_qepik=transaction.amount_qepik,
                bank_reference=transaction.bank_reference,
                decline_reason=reason,
                bank_code=transaction.bank_code or "",
                occurred_at=now,
            ),
        )
        return
    async with checkout.payments.lock(payment_id):
        await until_written(
            lambda: _expire_once(checkout, payment_id, now), f"expiry of {payment_id}"
        )


async def _expire_once(checkout: Checkout, payment_id: str, now: datetime) -> Lost | None:
    """Expires the payment if it is still initiated; a callback that won meanwhile stands."""
    payment = await checkout.payments.get(payment_id)
    grace = timedelta(seconds=checkout.settings.expiry_grace_seconds)
    if payment is None or not _overdue(payment.expires_at, grace, now):
        return None
    try:
        expired = payment.expire(now)
    except TransitionRefusedError:
        return None
    return None if await checkout.payments.save(payment, expired) else LOST


def _overdue(expires_at: datetime, grace: timedelta, now: datetime) -> bool:
    return now >= expires_at + grace

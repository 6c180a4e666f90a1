"""The provider's outcome: complete the payment (and send the receipt), or refund it at the bank.

Each change is decided on the payment as read and written only if it is still in that state; when
another replica changed it first, the payment is read again and the decision made again.
"""

from __future__ import annotations

import logging

from checkout.adapters.bank import BankUnavailableError
from checkout.domain.states import PaymentState, TransitionRefusedError
from checkout.handlers.context import Checkout
from contracts.events import ActivationFailed, ProviderActivated
from servicekit.retry import LOST, Lost, until_written

log = logging.getLogger(__name__)


async def complete_payment(checkout: Checkout, activated: ProviderActivated) -> None:
    payment_id = activated.payment_id

    async def attempt() -> Lost | None:
        payment = await checkout.payments.get(payment_id)
        if payment is None:
            log.warning("activation of unknown payment %s ignored", payment_id)
            return None
        try:
            # The receipt goes out from the maintenance sweep, under a claim: so never twice.
            completed = payment.complete(
                activated.provider_transaction_id,
                activated.activated_at,
                activated.confirmed_by_hand,
            )
        except TransitionRefusedError as refused:  # a repeat, or the payment moved on meanwhile
            log.info("activation ignored: %s", refused)
            return None
        return None if await checkout.payments.save(payment, completed) else LOST

    async with checkout.payments.lock(payment_id):
        await until_written(attempt, f"completion of {payment_id}")


async def refund_failed_payment(checkout: Checkout, failed: ActivationFailed) -> None:
    payment_id = failed.payment_id

    async def attempt() -> Lost | None:
        payment = await checkout.payments.get(payment_id)
        if payment is None:
            log.warning("failed activation of unknown payment %s ignored", payment_id)
            return None
        try:
            refunding = payment.fail_activation(
                failed.provider_code, failed.reason, failed.failed_at
            )
        except TransitionRefusedError as refused:  # a repeat: the refund below is retried anyway
            log.info("failed activation ignored: %s", refused)
            return None
        return None if await checkout.payments.save(payment, refunding) else LOST

    async with checkout.payments.lock(payment_id):
        await until_written(attempt, f"failed activation of {payment_id}")
    await refund_at_bank(checkout, payment_id)


async def refund_at_bank(checkout: Checkout, payment_id: str) -> None:
    """Asks the bank to refund (idempotent by payment id, so two replicas asking is one refund);
    a failure is retried by maintenance."""

    async def attempt() -> Lost | None:
        payment = await checkout.payments.get(payment_id)
        if payment is None:
            return None
        try:
            payment.ensure_may_enter(PaymentState.REFUNDED)  # asked before any money moves
        except TransitionRefusedError:
            return None  # refunded already, or never owed a refund
        try:
            reference = await checkout.bank.refund(payment.id, payment.total.qepik)
        except BankUnavailableError:
            log.warning("refund of %s not accepted yet; will retry", payment_id)
            return None
        refunded = payment.refund(reference, checkout.clock())
        return None if await checkout.payments.save(payment, refunded) else LOST

    async with checkout.payments.lock(payment_id):
        await until_written(attempt, f"refund of {payment_id}")

"""The provider's outcome: complete the payment (and send the receipt), or refund it at the bank."""

from __future__ import annotations

import logging

from checkout.adapters.bank import BankUnavailableError
from checkout.domain.states import PaymentState
from checkout.handlers.context import Checkout
from contracts.events import ActivationFailed, ProviderActivated

log = logging.getLogger(__name__)


async def complete_payment(checkout: Checkout, activated: ProviderActivated) -> None:
    async with checkout.payments.lock(activated.payment_id):
        payment = await checkout.payments.get(activated.payment_id)
        if payment is None or payment.state is not PaymentState.DEBITED:
            log.info(
                "activation of %s ignored: payment is %s",
                activated.payment_id,
                payment.state if payment else "unknown",
            )
            return
        # The receipt goes out from the maintenance sweep: one sender, so never twice.
        await checkout.payments.save(
            payment, payment.complete(activated.provider_transaction_id, activated.activated_at)
        )


async def refund_failed_payment(checkout: Checkout, failed: ActivationFailed) -> None:
    async with checkout.payments.lock(failed.payment_id):
        payment = await checkout.payments.get(failed.payment_id)
        if payment is None or payment.state is not PaymentState.DEBITED:
            return
        await checkout.payments.save(
            payment, payment.fail_activation(failed.provider_code, failed.reason, failed.failed_at)
        )
    await refund_at_bank(checkout, failed.payment_id)


async def refund_at_bank(checkout: Checkout, payment_id: str) -> None:
    """Asks the bank to refund (idempotent by payment id); a failure is retried by maintenance."""
    async with checkout.payments.lock(payment_id):
        payment = await checkout.payments.get(payment_id)
        if payment is None or payment.state is not PaymentState.REFUND_PENDING:
            return
        try:
            reference = await checkout.bank.refund(payment.id, payment.total.qepik)
        except BankUnavailableError:
            log.warning("refund of %s not accepted yet; will retry", payment_id)
            return
        await checkout.payments.save(payment, payment.refund(reference, checkout.clock()))

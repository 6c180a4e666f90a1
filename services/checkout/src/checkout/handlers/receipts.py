"""Send the receipt of a completed payment by e-mail, once; maintenance retries a failed send."""

from __future__ import annotations

import logging

from checkout.handlers.context import Checkout
from checkout.receipt import receipt_html, receipt_text

log = logging.getLogger(__name__)


async def send_receipt(checkout: Checkout, payment_id: str) -> None:
    """Only the maintenance sweep calls this, so one receipt is never sent twice at once."""
    payment = await checkout.payments.get(payment_id)
    if payment is None or not payment.receipt_due or not payment.email:
        return
    try:
        await checkout.mailer.send(
            payment.email,
            f"Qəbz / Receipt {payment.id}",
            receipt_text(payment),
            receipt_html(payment),
        )
    except OSError:
        log.warning("receipt for %s not sent yet; will retry", payment_id, exc_info=True)
        return
    async with checkout.payments.lock(payment_id):
        await checkout.payments.save(payment, payment.receipt_sent())

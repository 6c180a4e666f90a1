"""Send the receipt of a completed payment by e-mail, once; maintenance retries a failed send."""

from __future__ import annotations

import logging

from checkout.domain.states import PaymentState
from checkout.handlers.context import Checkout
from checkout.receipt import receipt_html, receipt_text

log = logging.getLogger(__name__)


async def send_receipt(checkout: Checkout, payment_id: str) -> None:
    payment = await checkout.payments.get(payment_id)
    if payment is None or payment.state is not PaymentState.COMPLETED or not payment.email:
        return
    if await checkout.payments.receipt_sent(payment_id):
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
    await checkout.payments.mark_receipt_sent(payment_id, checkout.clock())

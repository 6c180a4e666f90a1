"""E-mail every refunded payment's customer, once; maintenance retries a failed send."""

from __future__ import annotations

import logging
import smtplib

from checkout.handlers.context import Checkout
from checkout.refund_mail import refund_mail
from servicekit.retry import LOST, Lost, until_written

log = logging.getLogger(__name__)


async def send_refund_mail(checkout: Checkout, payment_id: str) -> None:
    """As the receipt: a claim lets one replica send it; a crash between sending and marking it
    sent sends it again once the claim ran out, never zero times."""
    payment = await checkout.payments.get(payment_id)
    if payment is None or not payment.refund_mail_due or not payment.email:
        return
    claimed_at = await checkout.payments.claim_refund_mail(payment_id)
    if claimed_at is None:
        return  # another replica is sending it
    try:
        await checkout.mailer.send(refund_mail(payment))
    except (OSError, smtplib.SMTPException):
        log.warning("refund e-mail of %s not sent yet; will retry", payment_id, exc_info=True)
        await checkout.payments.release_refund_mail(payment_id, claimed_at)
        return

    async def mark_sent() -> Lost | None:
        current = await checkout.payments.get(payment_id)
        if current is None or not current.refund_mail_due:
            return None
        return None if await checkout.payments.save(current, current.refund_mail_sent()) else LOST

    async with checkout.payments.lock(payment_id):
        await until_written(mark_sent, f"refund e-mail of {payment_id}")

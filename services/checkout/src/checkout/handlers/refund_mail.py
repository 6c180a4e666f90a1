"""E-mail every refunded payment's customer, once; maintenance retries a failed send."""

from __future__ import annotations

from checkout.domain.payment import Payment
from checkout.handlers.context import Checkout
from checkout.handlers.owed_mail import OwedMail, send_owed
from checkout.refund_mail import refund_mail
from servicekit.mail import Mail


async def _compose(_checkout: Checkout, payment: Payment) -> Mail:
    return refund_mail(payment)


REFUND_MAIL = OwedMail(
    "refund_mail", lambda payment: payment.refund_mail_due, Payment.refund_mail_sent, _compose
)


async def send_refund_mail(checkout: Checkout, payment_id: str) -> None:
    await send_owed(checkout, payment_id, REFUND_MAIL)

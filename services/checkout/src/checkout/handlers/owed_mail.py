"""A mail a payment owes its customer (the receipt, the refund notice), sent once: each replica's
maintenance sweep tries, the one that claims it sends it, then marks it sent. A crash between
sending and marking sends it again once the claim ran out, never zero times."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from checkout.domain.payment import Payment
from checkout.handlers.context import Checkout
from servicekit.mail import Mail
from servicekit.retry import LOST, Lost, until_written

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OwedMail:
    name: str  # the claim's name; the payment's flag is `<name>_due`
    due: Callable[[Payment], bool]
    sent: Callable[[Payment], Payment]
    compose: Callable[[Checkout, Payment], Awaitable[Mail]]


async def send_owed(checkout: Checkout, payment_id: str, owed: OwedMail) -> None:
    payment = await checkout.payments.get(payment_id)
    if payment is None or not owed.due(payment) or not payment.email:
        return
    claimed_at = await checkout.payments.claim_mail(payment_id, owed.name)
    if claimed_at is None:
        return  # another replica is sending it
    try:
        await checkout.mailer.send(await owed.compose(checkout, payment))
    except OSError:  # smtplib's errors are OSErrors too
        log.warning("%s of %s not sent yet; will retry", owed.name, payment_id, exc_info=True)
        await checkout.payments.release_mail(payment_id, owed.name, claimed_at)
        return

    async def mark_sent() -> Lost | None:
        current = await checkout.payments.get(payment_id)
        if current is None or not owed.due(current):
            return None
        return None if await checkout.payments.save(current, owed.sent(current)) else LOST

    async with checkout.payments.lock(payment_id):
        await until_written(mark_sent, f"{owed.name} of {payment_id}")

"""Send the receipt of a completed payment by e-mail, once; maintenance retries a failed send."""

from __future__ import annotations

import asyncio
import logging

from checkout.handlers.context import Checkout
from checkout.receipts import receipt_html, receipt_pdf, receipt_text
from checkout.receipts.content import pdf_filename
from servicekit.mail import Attachment, Mail
from servicekit.retry import LOST, Lost, until_written

log = logging.getLogger(__name__)


async def send_receipt(checkout: Checkout, payment_id: str) -> None:
    """Each replica's maintenance sweep calls this; the claim lets one of them send it. A crash
    between sending and marking it sent sends it again once the claim ran out, never zero times."""
    payment = await checkout.payments.get(payment_id)
    if payment is None or not payment.receipt_due or not payment.email:
        return
    claimed_at = await checkout.payments.claim_receipt(payment_id)
    if claimed_at is None:
        return  # another replica is sending it
    try:
        pdf_url = f"{checkout.settings.public_url}/api/payments/{payment.id}/receipt.pdf"
        pdf = Attachment(
            pdf_filename(payment), "application/pdf", await asyncio.to_thread(receipt_pdf, payment)
        )
        receipt = Mail(
            payment.email,
            f"Qəbz / Receipt {payment.id}",
            receipt_text(payment),
            receipt_html(payment, pdf_url, attached=True),
            message_id=f"receipt-{payment.id}",
            attachments=(pdf,),
        )
        await checkout.mailer.send(receipt)
    except OSError:
        log.warning("receipt for %s not sent yet; will retry", payment_id, exc_info=True)
        await checkout.payments.release_receipt(payment_id, claimed_at)
        return

    async def mark_sent() -> Lost | None:
        current = await checkout.payments.get(payment_id)
        if current is None or not current.receipt_due:
            return None
        return None if await checkout.payments.save(current, current.receipt_sent()) else LOST

    async with checkout.payments.lock(payment_id):
        await until_written(mark_sent, f"receipt of {payment_id}")

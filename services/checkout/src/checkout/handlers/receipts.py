"""Send the receipt of a completed payment by e-mail, once; maintenance retries a failed send."""

from __future__ import annotations

import asyncio

from checkout.domain.payment import Payment
from checkout.handlers.context import Checkout
from checkout.handlers.owed_mail import OwedMail, send_owed
from checkout.receipts import receipt_html, receipt_pdf, receipt_text
from checkout.receipts.content import pdf_filename, words_for
from servicekit.mail import Attachment, Mail


async def _compose(checkout: Checkout, payment: Payment) -> Mail:
    assert payment.email is not None  # send_owed sends only to a payment with an e-mail
    pdf_url = f"{checkout.settings.public_url}/api/payments/{payment.id}/receipt.pdf"
    pdf = Attachment(
        pdf_filename(payment), "application/pdf", await asyncio.to_thread(receipt_pdf, payment)
    )
    return Mail(
        payment.email,
        f"{words_for(payment).subject} {payment.id}",
        receipt_text(payment),
        receipt_html(payment, pdf_url, attached=True),
        message_id=f"receipt-{payment.id}",
        attachments=(pdf,),
    )


RECEIPT = OwedMail("receipt", lambda payment: payment.receipt_due, Payment.receipt_sent, _compose)


async def send_receipt(checkout: Checkout, payment_id: str) -> None:
    await send_owed(checkout, payment_id, RECEIPT)

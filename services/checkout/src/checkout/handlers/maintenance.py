"""The periodic sweep: expire overdue card pages, retry refunds, send receipts and refund e-mails."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from checkout.domain.states import PaymentState
from checkout.handlers.activation import refund_at_bank
from checkout.handlers.bank_outcomes import settle_overdue
from checkout.handlers.context import Checkout
from checkout.handlers.receipts import send_receipt
from checkout.handlers.refund_mail import send_refund_mail

log = logging.getLogger(__name__)


async def sweep_once(checkout: Checkout) -> None:
    """One query finds everything that needs a nudge (FerretDB scans per query, so only one)."""
    cutoff = checkout.clock() - timedelta(seconds=checkout.settings.expiry_grace_seconds)
    due = await checkout.payments.find_states(
        {
            "$or": [
                {"state": PaymentState.INITIATED.value, "expires_at": {"$lte": cutoff}},
                {"state": PaymentState.REFUND_PENDING.value},
                {"receipt_due": True},
                {"refund_mail_due": True},
            ]
        }
    )
    for payment_id, state in due:
        if state == PaymentState.INITIATED:
            await settle_overdue(checkout, payment_id)
        elif state == PaymentState.REFUND_PENDING:
            await refund_at_bank(checkout, payment_id)
        elif state in (PaymentState.REFUNDED, PaymentState.EXPIRED):  # a late debit's refund
            await send_refund_mail(checkout, payment_id)
        else:
            await send_receipt(checkout, payment_id)


async def run_maintenance(checkout: Checkout) -> None:
    while True:
        try:
            await sweep_once(checkout)
        except Exception:
            log.exception(
                "maintenance sweep failed; next one in %.1fs", checkout.settings.maintenance_seconds
            )
        await asyncio.sleep(checkout.settings.maintenance_seconds)

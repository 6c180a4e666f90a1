"""A refund a specialist ordered on the payment's case: refund_pending (recorded with who and
why), then the bank, as for a failed activation; only a debited payment can be, so a repeat or a
payment that completed meanwhile changes nothing."""

from __future__ import annotations

import logging

from checkout.domain.states import TransitionRefusedError
from checkout.handlers.activation import refund_at_bank
from checkout.handlers.context import Checkout
from contracts.events import RefundOrdered
from servicekit.retry import LOST, Lost, until_written

log = logging.getLogger(__name__)


async def refund_ordered_payment(checkout: Checkout, order: RefundOrdered) -> None:
    payment_id = order.payment_id
    approved = f", approved by {order.approved_by}" if order.approved_by else ""
    ordered_by = f"{order.ordered_by}{approved} (case {order.ticket_id}): {order.note}"

    async def attempt() -> Lost | None:
        payment = await checkout.payments.get(payment_id)
        if payment is None:
            log.warning("refund ordered for unknown payment %s ignored", payment_id)
            return None
        try:
            refunding = payment.order_refund(ordered_by, order.ordered_at)
        except TransitionRefusedError as refused:  # a repeat, or it completed meanwhile
            log.info("refund order ignored: %s", refused)
            return None
        return None if await checkout.payments.save(payment, refunding) else LOST

    async with checkout.payments.lock(payment_id):
        await until_written(attempt, f"ordered refund of {payment_id}")
    await refund_at_bank(checkout, payment_id)

"""`reconciler settle`: fetch the day's report, read our day, send one mismatch per discrepancy.

Event ids derive from payment, kind and day, so running the job again for a day sends the same
events and consumers keep one case each.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import httpx

from contracts.envelope import Envelope, to_kafka
from contracts.events import MismatchDetected, TrailEntry
from contracts.ids import is_id
from contracts.money import Money
from reconciler.alerts import SOURCE, derived_event_id
from reconciler.config import Settings
from reconciler.domain.settlement import (
    BankRow,
    Discrepancy,
    Movement,
    bank_totals,
    compare,
    debited_twice,
)
from reconciler.settle.bank import fetch_report, parse_report
from reconciler.settle.ours import OurDay, read_our_day
from servicekit.kafka import create_producer

LOOKBACK = timedelta(days=2)
READ_TIMEOUT_SECONDS = 300


@dataclass(frozen=True)
class SettlementResult:
    day: date
    bank_rows: int
    our_payments: int
    discrepancies: list[Discrepancy]
    events: list[Envelope]
    unreportable: list[str]  # bank orders that are not payment ids of ours at all

    def summary(self) -> str:
        kinds = Counter(found.kind.value for found in self.discrepancies)
        lines = [
            f"settlement {self.day}: {self.bank_rows} bank rows, {self.our_payments} payments of "
            f"ours; {len(self.discrepancies)} discrepancies"
            + (f" ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})" if kinds else ""),
            *(
                f"  {found.kind.value:<20} {found.order_id}  "
                f"bank: {found.bank or 'nothing'}; ours: {found.ours or 'nothing'}"
                for found in self.discrepancies
            ),
            *(f"  not a payment id, no event sent: {order}" for order in self.unreportable),
        ]
        return "\n".join(lines)


async def settle(settings: Settings, day: date, *, send: bool = True) -> SettlementResult:
    async with httpx.AsyncClient(timeout=settings.bank_timeout_seconds, trust_env=False) as client:
        report = await fetch_report(
            client, settings.bank_url, settings.bank_merchant_secret.get_secret_value(), day
        )
    rows = parse_report(report)
    async with asyncio.timeout(READ_TIMEOUT_SECONDS):
        ours = await read_our_day(settings.kafka_bootstrap, day, LOOKBACK)
    found = compare(bank_totals(rows), ours.settled, ours.known, debited_twice(rows))
    now = datetime.now(UTC)
    events = [
        mismatch_event(discrepancy, rows, ours, day, now)
        for discrepancy in found
        if is_id("pay", discrepancy.order_id)
    ]
    if send and events:
        await _send(settings.kafka_bootstrap, events)
    unreportable = [item.order_id for item in found if not is_id("pay", item.order_id)]
    return SettlementResult(day, len(rows), len(ours.settled), found, events, unreportable)


def mismatch_event(
    found: Discrepancy, rows: list[BankRow], ours: OurDay, day: date, now: datetime
) -> Envelope:
    """Our facts and events for the payment, and the bank's lines, for whoever opens the case."""
    payment = ours.payments.get(found.order_id)
    bank_lines = [row for row in rows if row.order_id == found.order_id]
    trail = [
        *(payment.trail if payment else ()),
        *(
            TrailEntry(
                event_id=row.bank_reference,
                type=f"bank-{row.movement.value} {Money(qepik=row.amount_qepik)}",
                time=row.occurred_at,
            )
            for row in bank_lines
        ),
    ]
    bank_debit = next((row for row in bank_lines if row.movement is Movement.DEBIT), None)
    debited = payment.card_total if payment and payment.card_total else None
    debited_at = payment.debited_at if payment else None
    if debited is None and bank_debit is not None:
        debited, debited_at = Money(qepik=bank_debit.amount_qepik), bank_debit.occurred_at
    event = MismatchDetected(
        payment_id=found.order_id,
        kind=found.kind,
        service_id=payment.service_id if payment else None,
        account=payment.account if payment else None,
        debited=debited,
        debited_at=debited_at,
        trail=tuple(sorted(trail, key=lambda entry: entry.time)),
        detected_at=now,
        customer_email=payment.customer_email if payment else None,
        language=payment.language if payment else None,
    )
    return Envelope.wrap(
        event,
        event_id=derived_event_id(found.order_id, found.kind.value, day.isoformat()),
        source=SOURCE,
        time=now,
        correlation_id=found.order_id,
    )


async def _send(bootstrap: str, events: list[Envelope]) -> None:
    producer = create_producer(bootstrap, "reconciler-settle")
    await producer.start()
    try:
        for envelope in events:
            key, value, headers = to_kafka(envelope)
            await producer.send_and_wait(envelope.topic(), value, key=key, headers=headers)
    finally:
        await producer.stop()

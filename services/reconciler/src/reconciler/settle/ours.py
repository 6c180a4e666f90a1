"""Our side of a settlement day, read from `payments.v1`: the events checkout published (and,
for the three-way job, `activations.v1` and what `reconciliation.v1` already reported).

The reconciler reads the same contract it reconciles from, not checkout's database: debits are
`card-debited.total` at `debited_at`, refunds `payment-refunded.total` at `refunded_at`,
activations at a provider `provider-activated.amount` from provider-gateway. Reading starts
`lookback` before the day (by record time) and stops at the end offsets seen at the start.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from aiokafka import AIOKafkaConsumer, TopicPartition

from contracts.envelope import UnknownEventError, from_kafka
from contracts.events import (
    CardDebited,
    Language,
    PaymentInitiated,
    PaymentRefunded,
    ProviderActivated,
    TrailEntry,
)
from contracts.money import Money
from contracts.topics import PARTITIONS, Topic
from reconciler.domain.registry import OurActivation
from reconciler.domain.settlement import Movement, Settled

# Activations the providers' registry should list: those made at a provider by provider-gateway
# (imei-registry acts as the provider of IMEI fees itself, and the MCQS registry keeps no registry).
AT_PROVIDERS_SOURCE = "/services/provider-gateway"


@dataclass
class OurPayment:
    service_id: str | None = None
    account: str | None = None
    card_total: Money | None = None
    debited_at: datetime | None = None
    trail: list[TrailEntry] = field(default_factory=list)
    # Whom a case about the payment tells, in the language they paid in (from `payment-initiated`).
    customer_email: str | None = None
    language: Language | None = None


@dataclass
class OurDay:
    settled: dict[str, Settled] = field(default_factory=dict)
    payments: dict[str, OurPayment] = field(default_factory=dict)
    event_ids: set[str] = field(default_factory=set)  # the outbox may publish an event twice
    activations: dict[str, OurActivation] = field(default_factory=dict)
    reported: set[str] = field(default_factory=set)  # ids already on reconciliation.v1

    @property
    def known(self) -> frozenset[str]:
        return frozenset(self.payments)


def day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(), UTC)
    return start, start + timedelta(days=1)


async def read_our_day(
    bootstrap: str, day: date, lookback: timedelta, topics: Sequence[Topic] = (Topic.PAYMENTS,)
) -> OurDay:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        partitions = [TopicPartition(t.value, n) for t in topics for n in range(PARTITIONS)]
        consumer.assign(partitions)
        start, end = day_bounds(day)
        ends = await consumer.end_offsets(partitions)
        since = int((start - lookback).timestamp() * 1000)
        starts = await consumer.offsets_for_times(dict.fromkeys(partitions, since))
        for partition in partitions:
            found = starts.get(partition)
            consumer.seek(partition, found.offset if found is not None else ends[partition])
        our_day = OurDay()
        waiting = {p for p in partitions if await consumer.position(p) < ends[p]}
        while waiting:
            batch = await consumer.getmany(*waiting, timeout_ms=1000)
            for partition, records in batch.items():
                for record in records:
                    if record.offset < ends[partition]:
                        _take(our_day, list(record.headers), record.value or b"", start, end)
            waiting = {p for p in waiting if await consumer.position(p) < ends[p]}
        return our_day
    finally:
        await consumer.stop()


def _take(
    our_day: OurDay, headers: list[tuple[str, bytes]], value: bytes, start: datetime, end: datetime
) -> None:
    try:
        envelope = from_kafka(headers, value)
        event = envelope.event()
    except UnknownEventError:
        return
    if envelope.id in our_day.event_ids:
        return
    our_day.event_ids.add(envelope.id)
    if envelope.topic() == Topic.RECONCILIATION.value:
        our_day.reported.add(envelope.id)
        return
    if isinstance(event, ProviderActivated):
        if envelope.source == AT_PROVIDERS_SOURCE:
            our_day.activations[envelope.subject] = OurActivation(
                event.service_id, event.amount.qepik, event.activated_at.astimezone(UTC)
            )
        return
    payment = our_day.payments.setdefault(envelope.subject, OurPayment())
    payment.trail.append(TrailEntry(event_id=envelope.id, type=event.type, time=envelope.time))
    moved: tuple[Movement, Money, datetime] | None = None
    if isinstance(event, PaymentInitiated):
        payment.customer_email, payment.language = event.customer_email, event.language
    elif isinstance(event, CardDebited):
        payment.service_id, payment.account = event.service_id, event.account
        payment.card_total, payment.debited_at = event.total, event.debited_at
        moved = (Movement.DEBIT, event.total, event.debited_at)
    elif isinstance(event, PaymentRefunded):
        moved = (Movement.REFUND, event.total, event.refunded_at)
    if moved is not None and start <= moved[2] < end:
        settled = our_day.settled.get(envelope.subject, Settled())
        our_day.settled[envelope.subject] = settled.plus(moved[0], moved[1].qepik)

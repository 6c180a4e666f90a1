"""What the `payments show` and `recon report` commands (and the ops console's backend) read:
one payment's records from every database and topic, and the day's reconciliation inputs."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from contracts.envelope import Envelope
from contracts.topics import Topic
from payportal.endpoints import Endpoints
from payportal.failures import NotFoundError
from payportal.kafka_io import partitions, read_to_end, reader
from payportal.mongo_io import Document, databases, open_case_documents, payment_documents
from payportal.selection import EventFilter, FromBeginning, FromTime
from payportal.story import PaymentRecords


async def gather_payment(endpoints: Endpoints, payment_id: str) -> PaymentRecords:
    """Every service's documents about the payment and every event naming it, on every topic."""
    async with databases(endpoints) as client:
        payment, activation, callbacks, cases = await payment_documents(client, payment_id)
    about = EventFilter(about=payment_id)
    async with reader(endpoints) as consumer:
        assigned = await partitions(consumer, [topic.value for topic in Topic], endpoints)
        events = [
            (record.topic, record.envelope)
            async for record in read_to_end(consumer, assigned, FromBeginning())
            if record.envelope is not None and about.keeps(record.envelope)
        ]
    records = PaymentRecords(payment_id, payment, events, activation, callbacks, cases)
    if records.is_empty():
        raise NotFoundError(f"no payment {payment_id}: no service stores it and no event names it")
    return records


async def gather_recon(endpoints: Endpoints, day: date) -> tuple[list[Document], list[Envelope]]:
    """Support-desk's open cases, and reconciliation.v1's events since the day began (UTC)."""
    async with databases(endpoints) as client:
        documents = await open_case_documents(client)
    start = FromTime(datetime.combine(day, time(), UTC))
    async with reader(endpoints) as consumer:
        assigned = await partitions(consumer, [Topic.RECONCILIATION.value], endpoints)
        events = [
            record.envelope
            async for record in read_to_end(consumer, assigned, start)
            if record.envelope is not None
        ]
    return documents, events

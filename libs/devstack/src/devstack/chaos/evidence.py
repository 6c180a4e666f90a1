"""The facts of a chaos run, read once the load is over: checkout's and support-desk's databases,
every record on the topics, and the outside world's books (devstack.chaos.books)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from pymongo import AsyncMongoClient

from contracts.topics import Topic
from devstack.chaos.agreement import CLOSED, TicketRecords, ticket_violations
from devstack.chaos.books import read_books
from devstack.chaos.card_sweep import CardSweep
from devstack.chaos.invariants import PaymentFacts
from devstack.chaos.topics import AsyncApiSchemas, Record, every_record
from devstack.paths import repo_root

# Topics keyed by payment id: what happened to the payment, and what the reconciler said of it.
STORY_TOPICS = (Topic.PAYMENTS, Topic.ACTIVATIONS, Topic.RECONCILIATION)
TICKET_FIELDS = {"state": 1, "mismatch_kind": 1, "payment_id": 1}
TICKET_EVENTS: dict[str, Callable[[TicketRecords], dict[str, set[str]]]] = {
    "case-opened": lambda tickets: tickets.opened,
    "case-resolved": lambda tickets: tickets.resolved,
}


@dataclass
class Evidence:
    payments: dict[str, PaymentFacts]
    tickets: TicketRecords
    records: int = 0
    schema_problems: list[str] = field(default_factory=list)
    cards: CardSweep | None = None  # swept once, at the end of the run (devstack.chaos.card_sweep)

    @property
    def ticket_problems(self) -> list[str]:
        return ticket_violations(self.tickets)


async def gather(mongo_url: str, bootstrap: str, sandbox: str, answered: Iterable[str]) -> Evidence:
    payments, services, tickets = await _databases(mongo_url)
    for payment_id in answered:
        payments.setdefault(payment_id, PaymentFacts(payment_id, None)).answered_201 = True
    records = await every_record(bootstrap, tuple(Topic))
    evidence = Evidence(payments, tickets, len(records), _schema_problems(records))
    for record in records:
        headers = {name: raw.decode(errors="replace") for name, raw in record.headers}
        event_type, event_id = headers.get("ce_type", ""), headers.get("ce_id", "")
        if record.topic in STORY_TOPICS:
            facts = payments.get((record.key or b"").decode())
            if facts is not None:
                facts.event_ids.setdefault(event_type, set()).add(event_id)
        elif event_type in TICKET_EVENTS:
            ticket_id = str(json.loads(record.value or b"{}").get("ticket_id"))
            TICKET_EVENTS[event_type](tickets).setdefault(ticket_id, set()).add(event_id)
    await read_books(sandbox, payments, services)
    return evidence


def _schema_problems(records: list[Record]) -> list[str]:
    schemas = AsyncApiSchemas.read(repo_root() / "docs" / "asyncapi.json")
    return [
        f"{record.topic}@{record.partition}:{record.offset}: {problem}"
        for record in records
        for problem in schemas.problems(record)
    ]


async def _databases(
    mongo_url: str,
) -> tuple[dict[str, PaymentFacts], dict[str, str], TicketRecords]:
    client: AsyncMongoClient[dict[str, object]] = AsyncMongoClient(mongo_url)
    payments: dict[str, PaymentFacts] = {}
    services: dict[str, str] = {}
    tickets = TicketRecords()
    try:
        projection = {"state": 1, "service_id": 1}
        async for doc in client["checkout"]["payments"].find({}, projection):
            payment_id = str(doc["_id"])
            payments[payment_id] = PaymentFacts(payment_id, str(doc["state"]))
            services[payment_id] = str(doc["service_id"])
        async for ticket in client["support_desk"]["tickets"].find({}, TICKET_FIELDS):
            tickets.states[str(ticket["_id"])] = str(ticket["state"])
            kind = ticket.get("mismatch_kind")
            if kind is None:
                continue  # a customer's letter, not a case the reconciler opened
            payment_id = str(ticket["payment_id"])
            facts = payments.setdefault(payment_id, PaymentFacts(payment_id, None))
            facts.case_kinds[str(kind)] += 1
            if ticket["state"] not in CLOSED:
                facts.open_cases[str(kind)] += 1
    finally:
        await client.close()
    return payments, services, tickets

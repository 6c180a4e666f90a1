"""The facts of a chaos run, read once the load is over: checkout's and support-desk's databases,
every record on the topics, and the outside world's books (the bank's, the providers', MCQS')."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, field

import httpx
from pymongo import AsyncMongoClient

from contracts.topics import Topic
from devstack.chaos.invariants import PaymentFacts
from devstack.chaos.plan import IMEI_SERVICE
from devstack.chaos.topics import AsyncApiSchemas, Record, every_record
from devstack.paths import repo_root

STORY_TOPICS = (Topic.PAYMENTS, Topic.ACTIVATIONS)
LEDGER_READERS = 16


@dataclass
class Evidence:
    payments: dict[str, PaymentFacts]
    records: int = 0
    schema_problems: list[str] = field(default_factory=list)


async def gather(mongo_url: str, bootstrap: str, sandbox: str, answered: Iterable[str]) -> Evidence:
    payments, services = await _databases(mongo_url)
    for payment_id in answered:
        payments.setdefault(payment_id, PaymentFacts(payment_id, None)).answered_201 = True
    records = await every_record(bootstrap, tuple(Topic))
    evidence = Evidence(payments, len(records), _schema_problems(records))
    for record in records:
        if record.topic not in STORY_TOPICS:
            continue
        facts = payments.get((record.key or b"").decode())
        headers = {name: raw.decode(errors="replace") for name, raw in record.headers}
        if facts is not None:
            facts.event_ids.setdefault(headers.get("ce_type", ""), set()).add(
                headers.get("ce_id", "")
            )
    await _books(sandbox, payments, services)
    return evidence


def _schema_problems(records: list[Record]) -> list[str]:
    schemas = AsyncApiSchemas.read(repo_root() / "docs" / "asyncapi.json")
    return [
        f"{record.topic}@{record.partition}:{record.offset}: {problem}"
        for record in records
        for problem in schemas.problems(record)
    ]


async def _databases(mongo_url: str) -> tuple[dict[str, PaymentFacts], dict[str, str]]:
    client: AsyncMongoClient[dict[str, object]] = AsyncMongoClient(mongo_url)
    payments: dict[str, PaymentFacts] = {}
    services: dict[str, str] = {}
    try:
        projection = {"state": 1, "service_id": 1}
        async for doc in client["checkout"]["payments"].find({}, projection):
            payment_id = str(doc["_id"])
            payments[payment_id] = PaymentFacts(payment_id, str(doc["state"]))
            services[payment_id] = str(doc["service_id"])
        async for ticket in client["support_desk"]["tickets"].find(
            {"mismatch_kind": {"$ne": None}}
        ):
            facts = payments.setdefault(
                str(ticket["payment_id"]), PaymentFacts(str(ticket["payment_id"]), None)
            )
            facts.cases += 1
            if ticket["state"] not in {"resolved", "redirected"}:
                facts.open_cases[str(ticket["mismatch_kind"])] += 1
    finally:
        await client.close()
    return payments, services


async def _books(sandbox: str, payments: dict[str, PaymentFacts], services: dict[str, str]) -> None:
    """Each payment as the bank and its provider (MCQS for an IMEI fee) saw it."""
    readers = asyncio.Semaphore(LEDGER_READERS)
    async with httpx.AsyncClient(timeout=30) as client:

        async def read(facts: PaymentFacts) -> None:
            async with readers:
                bank = (
                    await client.get(f"{sandbox}/bank/_control/ledger/{facts.payment_id}")
                ).json()
                facts.bank_debits, facts.bank_refunds = bank["debits"], bank["refunds"]
                facts.activations_recorded = await _activations(
                    client, sandbox, services.get(facts.payment_id), facts.payment_id
                )

        await asyncio.gather(*(read(facts) for facts in payments.values()))


async def _activations(
    client: httpx.AsyncClient, sandbox: str, service_id: str | None, payment_id: str
) -> int:
    if service_id is None:
        return 0
    if service_id == IMEI_SERVICE:
        answer = await client.get(f"{sandbox}/mcqs/_control/ledger/{payment_id}")
        return int(answer.json().get("registrations_recorded", 0)) if answer.is_success else 0
    answer = await client.get(f"{sandbox}/providers/_control/ledger/{service_id}/{payment_id}")
    return int(answer.json()["payments_recorded"]) if answer.status_code == 200 else 0

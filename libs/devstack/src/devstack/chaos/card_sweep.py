"""Where card numbers must never be: every document of every database, every record of every
topic, every log file of ours and every e-mail the mail sandbox holds, scanned with
devstack.card_scan. Used at the end of `make chaos` and by the end-to-end suite."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from bson import json_util
from pymongo import AsyncMongoClient

from contracts.topics import Topic
from devstack.card_scan import card_numbers_in, masked
from devstack.chaos.topics import every_record

OUTSIDE_WORLD_LOGS = {"sandboxes.log"}  # the bank's card page is the bank's, not ours


@dataclass
class CardSweep:
    """What was scanned, and each place a card number was found (masked to its last four)."""

    documents: int = 0
    records: int = 0
    log_files: int = 0
    emails: int = 0
    found: dict[str, list[str]] = field(default_factory=dict)

    def note(self, where: str, text: str) -> None:
        if hits := card_numbers_in(text):
            self.found[where] = [masked(hit) for hit in hits]

    @property
    def scanned(self) -> str:
        return (
            f"{self.documents} documents, {self.records} records,"
            f" {self.log_files} log files, {self.emails} e-mails scanned"
        )


async def sweep_for_cards(
    mongo_url: str, bootstrap: str, logs: Path, sandbox_url: str, mail_to: str | None = None
) -> CardSweep:
    """Every place at once; `mail_to` keeps to the e-mails sent to one address."""
    sweep = CardSweep()
    await in_databases(mongo_url, sweep)
    await in_topics(bootstrap, tuple(Topic), sweep)
    in_logs(logs, sweep)
    await in_mail(sandbox_url, sweep, mail_to)
    return sweep


async def in_databases(mongo_url: str, sweep: CardSweep) -> None:
    client: AsyncMongoClient[dict[str, object]] = AsyncMongoClient(mongo_url)
    try:
        for name in await client.list_database_names():
            database = client[name]
            for collection in await database.list_collection_names():
                async for document in database[collection].find({}):
                    sweep.documents += 1
                    where = f"{name}.{collection} {document.get('_id')}"
                    sweep.note(where, json_util.dumps(document))
    finally:
        await client.close()


async def in_topics(bootstrap: str, topics: Iterable[Topic], sweep: CardSweep) -> None:
    for record in await every_record(bootstrap, topics):
        sweep.records += 1
        where = f"{record.topic}@{record.partition}:{record.offset}"
        sweep.note(where, (record.value or b"").decode(errors="replace"))


def in_logs(logs: Path, sweep: CardSweep) -> None:
    for path in sorted(logs.glob("*.log")):
        if path.name not in OUTSIDE_WORLD_LOGS:
            sweep.log_files += 1
            sweep.note(f"log {path.name}", path.read_text(errors="replace"))


async def in_mail(sandbox_url: str, sweep: CardSweep, to: str | None = None) -> None:
    async with httpx.AsyncClient(base_url=f"{sandbox_url}/mail", timeout=30) as http:
        listing = await http.get("/messages", params={"to": to} if to else None)
        listing.raise_for_status()
        for summary in listing.json():
            full = await http.get(f"/messages/{summary['id']}")
            sweep.emails += 1
            sweep.note(f"e-mail {summary['id']} {summary['subject']!r}", full.text)

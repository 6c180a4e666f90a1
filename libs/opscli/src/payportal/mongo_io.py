"""The services' databases, read as ops reads them: a client that gives up quickly, and the
queries behind `payments`, `cases`, `dead-letters` and the outbox backlog."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from pymongo import AsyncMongoClient
from pymongo.errors import PyMongoError

from payportal.cases import OPEN_STATES
from payportal.endpoints import SERVICE_DATABASES, Endpoints
from payportal.failures import OpsError
from payportal.lines import as_utc

Document = dict[str, Any]
HIDDEN = {"outbox": 0}  # the outbox is the relay's business, and can be long


@asynccontextmanager
async def databases(endpoints: Endpoints) -> AsyncIterator[AsyncMongoClient[Document]]:
    """A client whose first answer has been checked: a stack that is down is one clear line."""
    millis = int(endpoints.timeout * 1000)
    client: AsyncMongoClient[Document] = AsyncMongoClient(
        endpoints.mongo,
        tz_aware=True,
        serverSelectionTimeoutMS=millis,
        connectTimeoutMS=millis,
        socketTimeoutMS=millis * 4,
        appname="payportal",
    )
    try:
        try:
            await client.admin.command("ping")
        except PyMongoError as error:
            reason = str(error).split(" (configured timeouts")[0].split(", Timeout:")[0]
            raise OpsError(f"no database at {endpoints.mongo} ({reason})") from None
        yield client
    finally:
        await client.close()


async def payment_documents(
    client: AsyncMongoClient[Document], payment_id: str
) -> tuple[Document | None, Document | None, list[Document], list[Document]]:
    """Checkout's payment, provider-gateway's activation, kept bank callbacks, support cases."""
    payment = await client["checkout"]["payments"].find_one({"_id": payment_id}, HIDDEN)
    activation = await client["provider_gateway"]["activations"].find_one(
        {"_id": payment_id}, HIDDEN
    )
    callbacks = await client["checkout"]["bank_callbacks"].find({"order_id": payment_id}).to_list()
    cases = await (
        client["support_desk"]["tickets"]
        .find({"payment_id": payment_id}, {**HIDDEN, "letters_due": 0})
        .to_list()
    )
    return payment, activation, callbacks, cases


async def find_payments(
    client: AsyncMongoClient[Document], conditions: Document, limit: int
) -> list[Document]:
    cursor = client["checkout"]["payments"].find(conditions, {**HIDDEN, "history": 0})
    return await cursor.sort("created_at", -1).limit(limit).to_list()


async def open_case_documents(client: AsyncMongoClient[Document]) -> list[Document]:
    """Support-desk's open tickets, with only what `cases list` and `recon report` show."""
    shown = ("mismatch_kind", "category", "state", "payment_id", "opened_at", "due_at", "facts")
    tickets = client["support_desk"]["tickets"]
    query = {"state": {"$in": list(OPEN_STATES)}}
    return await tickets.find(query, dict.fromkeys(shown, 1)).to_list()


async def dead_letters(client: AsyncMongoClient[Document], limit: int) -> list[Document]:
    """Every service's parked events, newest first, each with `service` (its database) added."""
    found: list[Document] = []
    for service in SERVICE_DATABASES:
        cursor = client[service]["dead_letters"].find({}).sort("parked_at", -1).limit(limit)
        found += [{**letter, "service": service} async for letter in cursor]
    found.sort(key=lambda letter: as_utc(letter.get("parked_at")), reverse=True)
    return found[:limit]


async def outbox_backlog(
    client: AsyncMongoClient[Document],
) -> list[tuple[str, str, int, datetime | None]]:
    """(database, collection, documents with unsent events, time of the oldest unsent event)."""
    rows = []
    for service, collections in SERVICE_DATABASES.items():
        for name in collections:
            collection = client[service][name]
            pending = 0
            oldest: datetime | None = None
            async for document in collection.find({"outbox_pending": True}, {"outbox": 1}):
                pending += 1
                for event in document.get("outbox") or []:
                    at = as_utc(event.get("time"))
                    oldest = at if oldest is None else min(oldest, at)
            rows.append((service, name, pending, oldest))
    return rows

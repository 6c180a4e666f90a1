"""The stream tickets already used, in ops-desk's database so that every replica knows them: a
ticket is spent by inserting its id (a unique `_id`, so of two openings at once one wins).
FerretDB has no TTL index, so each spending first removes the tickets that have ended anyway."""

from __future__ import annotations

from datetime import datetime

from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import DuplicateKeyError

from servicekit.mongo import Document

COLLECTION = "spent_stream_tickets"
INDEXED = ("ends",)  # the sweep of ended tickets filters on it


class SpentTickets:
    def __init__(self, collection: AsyncCollection[Document]) -> None:
        self._collection = collection

    async def spend(self, ticket_id: str, ends: datetime, now: datetime) -> bool:
        """True for the first use of this ticket, False for every later one."""
        await self._collection.delete_many({"ends": {"$lte": now}})
        try:
            await self._collection.insert_one({"_id": ticket_id, "ends": ends})
        except DuplicateKeyError:
            return False
        return True

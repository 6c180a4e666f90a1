"""Attached images, kept in the database beside the tickets (one document per ticket, ≤ 5 MB).

The database rather than a folder: the service has no data directory of its own, backups of the
database then include them, and every instance of the service sees the same files."""

from __future__ import annotations

from bson.binary import Binary
from pymongo.asynchronous.collection import AsyncCollection

from servicekit.mongo import Document

COLLECTION = "attachments"


class AttachmentStore:
    def __init__(self, collection: AsyncCollection[Document]) -> None:
        self._collection = collection

    async def put(self, ticket_id: str, content_type: str, content: bytes) -> None:
        """Stored before the ticket that refers to it; a ticket that then fails leaves an orphan
        nobody can reach, which is harmless, while the opposite order could show a broken link."""
        await self._collection.replace_one(
            {"_id": ticket_id},
            {"_id": ticket_id, "content_type": content_type, "content": Binary(content)},
            upsert=True,
        )

    async def get(self, ticket_id: str) -> tuple[str, bytes] | None:
        document = await self._collection.find_one({"_id": ticket_id})
        if document is None:
            return None
        return str(document["content_type"]), bytes(document["content"])

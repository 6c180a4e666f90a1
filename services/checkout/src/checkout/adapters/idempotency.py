"""Idempotency keys: the first request with a key claims it (a unique insert); repeats get its answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import DuplicateKeyError

from servicekit.mongo import Document


@dataclass(frozen=True)
class KeyRecord:
    key: str
    fingerprint: str
    payment_id: str
    claimed_at: datetime
    status_code: int | None = None
    response: dict[str, Any] | None = None


class IdempotencyKeys:
    def __init__(self, collection: AsyncCollection[Document]) -> None:
        self._collection = collection

    async def claim(self, key: str, fingerprint: str, payment_id: str, now: datetime) -> KeyRecord:
        """Claims the key for this request, or returns the record of whoever claimed it first."""
        record = {
            "_id": key,
            "fingerprint": fingerprint,
            "payment_id": payment_id,
            "claimed_at": now,
        }
        try:
            await self._collection.insert_one(record)
        except DuplicateKeyError:
            existing = await self._collection.find_one({"_id": key})
            if existing is None:  # claimed and released meanwhile: try once more
                return await self.claim(key, fingerprint, payment_id, now)
            return _record(existing)
        return _record(record)

    async def remember_answer(
        self, key: str, status_code: int, response: dict[str, Any]
    ) -> tuple[int, dict[str, Any]] | None:
        """Stores the first answer only: a request taken over by another replica (after
        IN_PROGRESS_SECONDS) can finish twice, and then every answer must be the first one.
        Returns the answer that stands (None if the key was released meanwhile)."""
        result = await self._collection.update_one(
            {"_id": key, "status_code": None},
            {"$set": {"status_code": status_code, "response": response}},
        )
        if result.matched_count:  # ours is the first answer: no need to read it back
            return status_code, response
        stored = await self._collection.find_one({"_id": key})
        if stored is None or stored.get("status_code") is None:
            return None
        return stored["status_code"], stored.get("response") or {}

    async def release(self, key: str) -> None:
        """Frees a key whose request could not be started, so the customer can retry with it."""
        await self._collection.delete_one({"_id": key, "status_code": None})


def _record(document: Document) -> KeyRecord:
    return KeyRecord(
        key=document["_id"],
        fingerprint=document["fingerprint"],
        payment_id=document["payment_id"],
        claimed_at=document["claimed_at"],
        status_code=document.get("status_code"),
        response=document.get("response"),
    )

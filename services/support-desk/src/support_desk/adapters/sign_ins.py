"""Wrong passwords counted per name in the database, so every replica sees the same count."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from pymongo.asynchronous.collection import AsyncCollection

from servicekit.mongo import Document
from support_desk.domain.sign_in import SignInPolicy

COLLECTION = "sign_in_failures"


class SignInGuard:
    def __init__(
        self,
        collection: AsyncCollection[Document],
        policy: SignInPolicy,
        clock: Callable[[], datetime],
    ) -> None:
        self._failures = collection
        self._policy = policy
        self._clock = clock

    async def wait(self, username: str) -> timedelta:
        record = await self._failures.find_one({"_id": username.lower()})
        if record is None:
            return timedelta(0)
        return self._policy.wait(record["failures"], record["last_failure_at"], self._clock())

    async def failed(self, username: str) -> timedelta:
        """Counts one wrong password (atomically: two replicas never lose a count)."""
        now = self._clock()
        await self._failures.update_one(
            {"_id": username.lower()},
            {"$inc": {"failures": 1}, "$set": {"last_failure_at": now}},
            upsert=True,
        )
        return await self.wait(username)

    async def succeeded(self, username: str) -> None:
        await self._failures.delete_one({"_id": username.lower()})

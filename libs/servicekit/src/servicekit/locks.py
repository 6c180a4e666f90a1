"""One writer per aggregate inside a process.

FerretDB (the local database) applies a conditional update by reading, changing and writing the
document without checking the filter again, so two concurrent writers to one document can lose a
write. Every write to an aggregate document therefore happens while holding its key here; on
MongoDB the state-guarded filters alone would do, and they are kept as well.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class AggregateLocks:
    def __init__(self) -> None:
        self._locks: dict[str, asyncio.Lock] = {}
        self._holders: dict[str, int] = {}

    @asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._holders[key] = self._holders.get(key, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._holders[key] -= 1
            if self._holders[key] == 0:
                del self._holders[key]
                del self._locks[key]

    def __len__(self) -> int:
        return len(self._locks)

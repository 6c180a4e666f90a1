"""One writer per aggregate inside a process: an optimisation, never the guarantee.

Each service runs as more than one process sharing one database, and this lock cannot see the
other process. What keeps a read-decide-write correct is the guard on the write itself (a
compare-and-swap: `update_one({_id, state: X}, ...)`), retried with a fresh read when it loses
(`servicekit.retry`). Holding the key here only spares one process from losing to itself.
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

"""Read, decide, write; when the write's guard lost to another writer, read and decide again.

Two replicas of a service share one database, so the in-process lock never sees the other
replica's writer. What keeps a change correct is the guard on the write (compare-and-swap): a
write that lost must not assume the winner did the same thing, only look again and re-decide.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from enum import Enum
from typing import TypeVar

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
T = TypeVar("T")


class Lost(Enum):
    """What an attempt returns when its guarded write matched nothing."""

    LOST = "lost"


LOST = Lost.LOST


class StillContendedError(RuntimeError):
    """Every attempt lost to another writer; the caller's own retry (a consumer's redelivery, the
    next sweep, the client's repeat) takes it from here."""


async def until_written(
    attempt: Callable[[], Awaitable[T | Lost]], what: str, attempts: int = MAX_ATTEMPTS
) -> T:
    """Runs `attempt` (read, decide, guarded write) until it does not return LOST."""
    for _ in range(attempts):
        outcome = await attempt()
        if not isinstance(outcome, Lost):
            return outcome
    log.warning("%s lost to another writer %d times in a row; giving up for now", what, attempts)
    raise StillContendedError(what)

"""Time and chance, passed in so that tests can move time and fix the dice."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Protocol

RandomFraction = Callable[[], float]  # a number in [0, 1)


class Clock(Protocol):
    def now(self) -> datetime: ...

    async def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(seconds, 0.0))


def system_random() -> float:
    return random.random()  # jitter only; nothing secret depends on it

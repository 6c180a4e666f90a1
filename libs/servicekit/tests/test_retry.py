"""A write that lost to another writer is decided again, a bounded number of times."""

from __future__ import annotations

import pytest

from servicekit.retry import LOST, MAX_ATTEMPTS, Lost, StillContendedError, until_written


async def test_a_lost_write_is_decided_again_on_a_fresh_read() -> None:
    reads: list[int] = []

    async def attempt() -> str | Lost:
        reads.append(len(reads))
        return LOST if len(reads) < 3 else "refunded"  # the third read sees what won

    assert await until_written(attempt, "test") == "refunded"
    assert len(reads) == 3


async def test_an_attempt_that_decides_nothing_is_not_repeated() -> None:
    calls = 0

    async def attempt() -> Lost | None:
        nonlocal calls
        calls += 1
        return None

    assert await until_written(attempt, "test") is None
    assert calls == 1


async def test_losing_every_time_gives_up_loudly(caplog: pytest.LogCaptureFixture) -> None:
    calls = 0

    async def attempt() -> Lost:
        nonlocal calls
        calls += 1
        return LOST

    with pytest.raises(StillContendedError):
        await until_written(attempt, "refund of pay_1")
    assert calls == MAX_ATTEMPTS
    assert "refund of pay_1 lost to another writer" in caplog.text

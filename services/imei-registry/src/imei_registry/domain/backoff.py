"""When to call the registry again: after a failure, and while a registration is pending."""

from __future__ import annotations

from datetime import datetime, timedelta


def backoff(attempts: int, first: timedelta, longest: timedelta) -> timedelta:
    """How long to wait before the next call to the registry: doubling, capped."""
    return min(first * (1 << min(attempts, 32)), longest)


def next_poll(
    now: datetime, attempts: int, expected_by: datetime | None, first: timedelta, longest: timedelta
) -> datetime:
    """When to ask about a pending registration again: on the backoff, or sooner when the
    registry said it would be done sooner."""
    planned = now + backoff(attempts, first, longest)
    if expected_by is not None and now < expected_by < planned:
        return expected_by
    return planned

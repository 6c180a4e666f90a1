"""When an activation whose outcome is unknown is asked about again (Kill Bill's Janitor: keep
asking on a schedule, then leave it to a person; never refund on silence)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class CheckSchedule:
    """`waits_seconds[n]` is the wait before check n + 1, counted from the moment before it (the
    deadline for the first check, then each check)."""

    waits_seconds: tuple[float, ...]

    def __post_init__(self) -> None:
        if not self.waits_seconds or any(wait <= 0 for wait in self.waits_seconds):
            raise ValueError("a check schedule needs at least one wait, each above zero")

    @property
    def attempts(self) -> int:
        return len(self.waits_seconds)

    def next_check_at(self, checks_done: int, after: datetime) -> datetime | None:
        """When to ask again after `checks_done` checks; None once they are all done: then a
        person decides."""
        if checks_done >= self.attempts:
            return None
        return after + timedelta(seconds=self.waits_seconds[checks_done])

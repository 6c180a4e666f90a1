"""How repeated wrong passwords are answered: the first few freely, then the name is locked
for a while, so guessing a specialist's password takes years, not minutes. Unknown names are
locked the same way, so a lock does not tell which names exist."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

FREE_ATTEMPTS = 5


@dataclass(frozen=True)
class SignInPolicy:
    lock: timedelta
    free_attempts: int = FREE_ATTEMPTS

    def locked_until(self, failures: int, last_failure: datetime) -> datetime | None:
        """After `free_attempts` wrong passwords in a row, each further one locks anew."""
        if failures < self.free_attempts:
            return None
        return last_failure + self.lock

    def wait(self, failures: int, last_failure: datetime | None, now: datetime) -> timedelta:
        """How long a sign-in of this name must wait now (zero: go ahead)."""
        if last_failure is None:
            return timedelta(0)
        until = self.locked_until(failures, last_failure)
        return max(until - now, timedelta(0)) if until else timedelta(0)


MAX_NAME_LENGTH = 64


def could_be_a_name(username: str) -> bool:
    """Whether anyone could be called this: a name with control characters (a NUL, which the
    database cannot even store) or longer than any name is refused like a wrong password, without
    being looked up or counted."""
    return 0 < len(username) <= MAX_NAME_LENGTH and username.isprintable()

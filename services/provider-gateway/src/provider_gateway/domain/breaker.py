"""A circuit breaker per provider: after N unavailable answers in a row, stop calling for a while.

Closed: calls go through. Open: calls are refused until the cool-down ends. Half-open: one probe
call goes through; its success closes the breaker, its failure opens it again. Time is passed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum


class BreakerState(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


@dataclass
class CircuitBreaker:
    failure_threshold: int
    cooldown: timedelta
    state: BreakerState = BreakerState.CLOSED
    consecutive_failures: int = 0
    opened_at: datetime | None = None
    probe_started_at: datetime | None = None

    def allows_call(self, now: datetime) -> bool:
        """Whether a call may go out now; in half-open state only one probe at a time does."""
        if self.state is BreakerState.CLOSED:
            return True
        if self.state is BreakerState.OPEN:
            if now < self._reopens_at():
                return False
            self.state = BreakerState.HALF_OPEN
        # A probe whose caller vanished without an answer must not block the provider forever.
        if self.probe_started_at is not None and now < self.probe_started_at + self.cooldown:
            return False
        self.probe_started_at = now
        return True

    def retry_at(self, now: datetime) -> datetime:
        """When a refused caller should ask again."""
        if self.state is BreakerState.OPEN:
            return self._reopens_at()
        if self.state is BreakerState.HALF_OPEN and self.probe_started_at is not None:
            return min(self.probe_started_at + self.cooldown, now + timedelta(seconds=1))
        return now

    def record_success(self) -> None:
        self.state = BreakerState.CLOSED
        self.consecutive_failures = 0
        self.opened_at = None
        self.probe_started_at = None

    def record_failure(self, now: datetime) -> None:
        self.consecutive_failures += 1
        if (
            self.state is BreakerState.HALF_OPEN
            or self.consecutive_failures >= self.failure_threshold
        ):
            self.state = BreakerState.OPEN
            self.opened_at = now
            self.probe_started_at = None

    def _reopens_at(self) -> datetime:
        assert self.opened_at is not None
        return self.opened_at + self.cooldown


@dataclass
class Breakers:
    """One breaker per protocol family and service, made on first use."""

    failure_threshold: int
    cooldown: timedelta
    _by_provider: dict[tuple[str, str], CircuitBreaker] = field(default_factory=dict)

    def of(self, family: str, service_id: str) -> CircuitBreaker:
        key = (family, service_id)
        if key not in self._by_provider:
            self._by_provider[key] = CircuitBreaker(self.failure_threshold, self.cooldown)
        return self._by_provider[key]

    def states(self) -> dict[str, BreakerState]:
        """Each service's breaker state, for the metrics."""
        return {service_id: breaker.state for (_, service_id), breaker in self._by_provider.items()}

"""A provider that keeps failing is left alone for a cool-down, then probed by one call."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from provider_gateway.domain.breaker import Breakers, BreakerState, CircuitBreaker

START = datetime(2025, 6, 1, tzinfo=UTC)
COOLDOWN = timedelta(seconds=30)


def after(seconds: float) -> datetime:
    return START + timedelta(seconds=seconds)


def opened_breaker() -> CircuitBreaker:
    breaker = CircuitBreaker(failure_threshold=3, cooldown=COOLDOWN)
    for _ in range(3):
        assert breaker.allows_call(START)
        breaker.record_failure(START)
    return breaker


def test_it_opens_after_the_threshold_of_failures_in_a_row() -> None:
    breaker = CircuitBreaker(failure_threshold=3, cooldown=COOLDOWN)
    breaker.record_failure(START)
    breaker.record_failure(START)
    breaker.record_success()  # a success in between starts the count again
    breaker.record_failure(START)
    breaker.record_failure(START)
    assert breaker.state is BreakerState.CLOSED
    breaker.record_failure(START)
    assert breaker.state is BreakerState.OPEN
    assert not breaker.allows_call(after(29))
    assert breaker.retry_at(after(10)) == after(30)


def test_after_the_cooldown_one_probe_goes_and_its_success_closes_it() -> None:
    breaker = opened_breaker()
    assert breaker.allows_call(after(30))
    assert breaker.state is BreakerState.HALF_OPEN
    assert not breaker.allows_call(after(30.5))  # only one probe at a time
    breaker.record_success()
    assert breaker.state is BreakerState.CLOSED
    assert breaker.allows_call(after(31))


def test_a_failed_probe_opens_it_for_another_cooldown() -> None:
    breaker = opened_breaker()
    assert breaker.allows_call(after(30))
    breaker.record_failure(after(31))
    assert breaker.state is BreakerState.OPEN
    assert not breaker.allows_call(after(60))
    assert breaker.allows_call(after(61))


def test_a_probe_that_never_reports_back_does_not_block_forever() -> None:
    breaker = opened_breaker()
    assert breaker.allows_call(after(30))  # this caller vanishes
    assert not breaker.allows_call(after(45))
    assert breaker.allows_call(after(60))


def test_each_family_and_service_has_its_own_breaker() -> None:
    breakers = Breakers(failure_threshold=1, cooldown=COOLDOWN)
    breakers.of("osmp", "azercell").record_failure(START)
    assert not breakers.of("osmp", "azercell").allows_call(START)
    assert breakers.of("rest", "azercell").allows_call(START)
    assert breakers.of("osmp", "nar").allows_call(START)

"""The schedule of checks after an unknown outcome: each wait in turn, then a person."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provider_gateway.config import Settings
from provider_gateway.domain.schedule import CheckSchedule

NOW = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)


def test_the_default_asks_after_1_min_5_min_30_min_2_h_12_h_and_24_h() -> None:
    schedule = Settings().unknown_check_schedule
    waits = []
    for done in range(schedule.attempts):
        at = schedule.next_check_at(done, NOW)
        assert at is not None
        waits.append(at - NOW)
    assert waits == [
        timedelta(minutes=1),
        timedelta(minutes=5),
        timedelta(minutes=30),
        timedelta(hours=2),
        timedelta(hours=12),
        timedelta(hours=24),
    ]
    assert schedule.next_check_at(6, NOW) is None  # then a person decides


@given(
    st.lists(st.floats(min_value=0.001, max_value=1e6), min_size=1, max_size=10),
    st.integers(min_value=0, max_value=20),
)
def test_a_check_follows_each_wait_and_none_after_the_last(waits: list[float], done: int) -> None:
    schedule = CheckSchedule(tuple(waits))
    at = schedule.next_check_at(done, NOW)
    if done < len(waits):
        assert at == NOW + timedelta(seconds=waits[done])
    else:
        assert at is None


@pytest.mark.parametrize("waits", [(), (60, 0), (-1,)])
def test_a_schedule_needs_positive_waits(waits: tuple[float, ...]) -> None:
    with pytest.raises(ValueError, match="at least one wait"):
        CheckSchedule(waits)


def test_the_schedule_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTAL_UNKNOWN_CHECK_SCHEDULE_SECONDS", "[2, 4.5]")
    assert Settings().unknown_check_schedule.waits_seconds == (2, 4.5)
    monkeypatch.setenv("PORTAL_UNKNOWN_CHECK_SCHEDULE_SECONDS", "[]")
    with pytest.raises(ValueError, match="at least 1"):
        Settings()

"""Wrong passwords: five go unanswered but for "wrong", then the name waits out a lock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from support_desk.domain.sign_in import SignInPolicy, could_be_a_name

POLICY = SignInPolicy(lock=timedelta(minutes=5))
NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def test_a_few_wrong_passwords_never_lock() -> None:
    assert POLICY.wait(0, None, NOW) == timedelta(0)
    assert POLICY.wait(4, NOW, NOW) == timedelta(0)


def test_the_fifth_wrong_password_locks_the_name_for_the_lock_time() -> None:
    assert POLICY.wait(5, NOW, NOW) == timedelta(minutes=5)
    assert POLICY.wait(5, NOW, NOW + timedelta(minutes=2)) == timedelta(minutes=3)


def test_a_lock_ends_and_each_further_wrong_password_starts_it_again() -> None:
    assert POLICY.wait(5, NOW, NOW + timedelta(minutes=6)) == timedelta(0)
    again = NOW + timedelta(minutes=6)
    assert POLICY.wait(6, again, again) == timedelta(minutes=5)


@pytest.mark.parametrize("name", ["rashad", "leyla.m", "Aysel", "gülşən"])
def test_a_name_someone_could_have(name: str) -> None:
    assert could_be_a_name(name)


@pytest.mark.parametrize("name", ["", "rashad\x00", "a\x18b", "tab\tname", "x" * 65])
def test_a_name_no_one_could_have(name: str) -> None:
    assert not could_be_a_name(name)

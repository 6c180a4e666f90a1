"""Sandbox accounts: any plausible account exists (but *404), with stable derived data."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sandboxes.providers.accounts import account_problem, profile_of
from sandboxes.providers.codes import ResultCode

plausible = st.from_regex(r"[A-Za-z0-9/-]{1,32}", fullmatch=True).filter(
    lambda account: not account.endswith("404")
)


@given(plausible)
def test_every_plausible_account_has_a_masked_holder_and_one_figure(account: str) -> None:
    profile = profile_of(account)
    first, last = profile.holder.split(" ")
    assert account_problem(account) is None
    assert first[1:] == last[1:] == "***"
    assert (profile.balance_qepik is None) != (profile.debt_qepik is None)
    assert profile_of(account) == profile


def test_accounts_differ_in_who_holds_them() -> None:
    holders = {profile_of(f"50{number:07d}").holder for number in range(40)}
    assert len(holders) > 5


@given(st.text(min_size=33, max_size=40) | st.sampled_from(["", "50 12", "abc_1", "ə123"]))
def test_implausible_accounts_have_the_wrong_format(account: str) -> None:
    assert account_problem(account) is ResultCode.WRONG_ACCOUNT_FORMAT


def test_an_account_ending_in_404_does_not_exist() -> None:
    assert account_problem("0501234404") is ResultCode.ACCOUNT_NOT_FOUND

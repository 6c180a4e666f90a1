"""Amounts are read exactly as manat with at most two decimals; limits and commission hold."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contracts.money import Money
from provider_gateway.domain.amounts import check_limits, parse_amount
from provider_gateway.domain.commission import CommissionRule
from provider_gateway.domain.refusals import AmountRefusedError


@pytest.mark.parametrize(
    ("typed", "qepik"),
    [
        ("10", 1000),
        ("10.5", 1050),
        ("10.50", 1050),
        ("10,05", 1005),
        (" 0.20 ", 20),
        ("12 AZN", 1200),
        ("12.40₼", 1240),
        ("0", 0),
    ],
)
def test_amounts_as_customers_type_them(typed: str, qepik: int) -> None:
    assert parse_amount(typed) == Money(qepik=qepik)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("10.505", "too_many_decimals"),
        ("0,001", "too_many_decimals"),
        *[(typed, "not_an_amount") for typed in ("", "ten", "-5", "1e3", "NaN", "12345678")],
        *[(typed, "not_an_amount") for typed in ("١٠", "10.", "1 000")],
    ],
)
def test_unreadable_amounts_are_refused_not_rounded(typed: str, reason: str) -> None:
    with pytest.raises(AmountRefusedError) as refused:
        parse_amount(typed)
    assert refused.value.reason == reason


def test_limits_name_the_minimum_and_maximum() -> None:
    minimum, maximum = Money(qepik=20), Money(qepik=30000)
    check_limits(Money(qepik=20), minimum, maximum)
    check_limits(Money(qepik=30000), minimum, maximum)
    with pytest.raises(AmountRefusedError) as below:
        check_limits(Money(qepik=19), minimum, maximum)
    with pytest.raises(AmountRefusedError) as above:
        check_limits(Money(qepik=30001), minimum, maximum)
    assert below.value.reason == "amount_below_minimum" and "0.20 AZN" in below.value.en
    assert above.value.reason == "amount_above_maximum" and "300.00 AZN" in above.value.az
    assert (above.value.minimum_qepik, above.value.maximum_qepik) == (20, 30000)


@pytest.mark.parametrize(
    ("rule", "amount", "fee"),
    [
        (CommissionRule(), 10_000, 0),
        (CommissionRule(basis_points=100, minimum_qepik=30), 1_000, 30),  # 1 % of 10 AZN < 0.30
        (CommissionRule(basis_points=100, minimum_qepik=30), 10_000, 100),
        (CommissionRule(basis_points=150, minimum_qepik=100), 10_050, 151),  # 150.75 rounds up
        (CommissionRule(basis_points=50), 101, 1),  # 0.505 qəpik rounds half up
        (CommissionRule(fixed_qepik=50), 60_000, 50),
        (CommissionRule(basis_points=50, minimum_qepik=30, fixed_qepik=20), 20_000, 120),
    ],
)
def test_commission_examples(rule: CommissionRule, amount: int, fee: int) -> None:
    assert rule.fee(Money(qepik=amount)) == Money(qepik=fee)


rules = st.builds(
    CommissionRule,
    basis_points=st.integers(0, 500),
    minimum_qepik=st.integers(0, 500),
    fixed_qepik=st.integers(0, 500),
)
amounts = st.integers(0, 60_000)


@given(rules, amounts, amounts)
def test_commission_never_falls_when_the_amount_grows(
    rule: CommissionRule, first: int, second: int
) -> None:
    low, high = sorted((first, second))
    assert rule.fee(Money(qepik=low)) <= rule.fee(Money(qepik=high))


@given(rules, amounts)
def test_commission_is_the_share_within_half_a_qepik_but_never_below_its_floor(
    rule: CommissionRule, amount: int
) -> None:
    fee = rule.fee(Money(qepik=amount)).qepik
    exact_share = amount * rule.basis_points / 10_000
    assert fee >= rule.minimum_qepik + rule.fixed_qepik
    assert fee - rule.fixed_qepik <= max(exact_share + 0.5, rule.minimum_qepik)
    assert fee - rule.fixed_qepik >= exact_share - 0.5


@given(st.integers(0, 9_999_999), st.integers(0, 99), st.sampled_from([".", ","]))
def test_any_amount_with_two_decimals_reads_back_exactly(manat: int, qepik: int, mark: str) -> None:
    assert parse_amount(f"{manat}{mark}{qepik:02d}") == Money(qepik=manat * 100 + qepik)

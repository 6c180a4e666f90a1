"""Money reads what customers type exactly, and refuses what it cannot represent."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from contracts.money import Money, MoneyFormatError


@pytest.mark.parametrize(
    ("typed", "qepik"),
    [("12", 1200), ("12.5", 1250), ("12.50", 1250), ("0.01", 1), (" 7.00 ", 700)],
)
def test_reads_manat_as_integer_qepik(typed: str, qepik: int) -> None:
    assert Money.azn(typed).qepik == qepik


@pytest.mark.parametrize("typed", ["12.345", "abc", "-1", "NaN", "Infinity", ""])
def test_refuses_what_is_not_an_exact_amount(typed: str) -> None:
    with pytest.raises(MoneyFormatError):
        Money.azn(typed)


def test_refuses_floats_and_negative_qepik() -> None:
    with pytest.raises(ValidationError):
        Money(qepik=12.5)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Money(qepik=-1)


@given(st.integers(min_value=0, max_value=10**12))
def test_text_round_trip_is_exact(qepik: int) -> None:
    money = Money(qepik=qepik)
    assert Money.azn(money.as_decimal_text()) == money


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=10_000))
def test_percent_rounds_half_up_to_the_qepik(qepik: int, basis_points: int) -> None:
    share = Money(qepik=qepik).percent(basis_points)
    exact = qepik * basis_points / 10_000
    assert abs(share.qepik - exact) <= 0.5

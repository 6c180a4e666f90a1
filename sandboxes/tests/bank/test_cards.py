"""The test-card table, the Luhn check, the form's refusals and the callback retry schedule."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from sandboxes.bank.callbacks import retry_delays
from sandboxes.bank.card_form import FieldError, parse_card_form
from sandboxes.bank.cards import (
    Approved,
    CardDetails,
    ChallengeRequired,
    Declined,
    DeclineReason,
    judge_card,
    judge_three_ds_code,
    passes_luhn,
)

TODAY = date(2026, 3, 14)


def card(number: str, month: int = 12, year: int = 2030) -> CardDetails:
    return CardDetails(number, month, year, "Aysel Mammadova")


@pytest.mark.parametrize(
    ("number", "verdict"),
    [
        ("4111111111111111", Approved()),
        ("5555555555554444", Approved()),
        ("4000000000009995", Declined(DeclineReason.INSUFFICIENT_FUNDS)),
        ("4000000000000002", Declined(DeclineReason.DO_NOT_HONOUR)),
        ("4000000000000069", Declined(DeclineReason.EXPIRED_CARD)),
        ("4000000000003220", ChallengeRequired()),
    ],
)
def test_each_test_card_gets_its_outcome(number: str, verdict: object) -> None:
    assert judge_card(card(number), TODAY) == verdict


def test_a_card_expiring_last_month_is_declined_but_this_month_is_still_good() -> None:
    assert judge_card(card("4111111111111111", 2, 2026), TODAY) == Declined(
        DeclineReason.EXPIRED_CARD
    )
    assert judge_card(card("4111111111111111", 3, 2026), TODAY) == Approved()


def test_bank_codes_are_those_of_the_protocol() -> None:
    codes = {reason: reason.bank_code for reason in DeclineReason}
    assert codes == {
        DeclineReason.INSUFFICIENT_FUNDS: "51",
        DeclineReason.DO_NOT_HONOUR: "05",
        DeclineReason.EXPIRED_CARD: "54",
        DeclineReason.THREE_DS_FAILED: "82",
    }


def test_only_the_code_1234_passes_three_d_secure() -> None:
    assert judge_three_ds_code("1234") == Approved()
    assert judge_three_ds_code("4321") == Declined(DeclineReason.THREE_DS_FAILED)
    assert judge_three_ds_code("") == Declined(DeclineReason.THREE_DS_FAILED)


def test_luhn_accepts_the_test_cards_and_refuses_one_wrong_digit() -> None:
    assert passes_luhn("4111111111111111")
    assert passes_luhn("4000000000003220")
    assert not passes_luhn("4111111111111112")
    assert not passes_luhn("4111111111111121")


def test_the_form_accepts_a_number_with_spaces_and_keeps_only_digits() -> None:
    parsed = parse_card_form(
        {"card_number": "4111 1111 1111 1111", "expiry": "08/29", "cvv": "123", "holder": " A  B "}
    )
    assert parsed == CardDetails("4111111111111111", 8, 2029, "A B")
    assert isinstance(parsed, CardDetails) and parsed.last4 == "1111"


def test_the_form_names_every_wrong_field_in_both_languages() -> None:
    errors = parse_card_form(
        {"card_number": "4111 1111 1111 1112", "expiry": "13/29", "cvv": "12", "holder": ""}
    )
    assert isinstance(errors, list)
    assert [error.field for error in errors] == ["card_number", "expiry", "cvv", "holder"]
    assert all(isinstance(e, FieldError) and e.az and e.en and e.az != e.en for e in errors)


def test_the_form_refuses_missing_fields_instead_of_crashing() -> None:
    errors = parse_card_form({})
    assert isinstance(errors, list) and len(errors) == 4


def test_callbacks_are_retried_after_half_a_second_doubling_up_to_thirty() -> None:
    assert list(itertools.islice(retry_delays(), 9)) == [0.5, 1, 2, 4, 8, 16, 30, 30, 30]

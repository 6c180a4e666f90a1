"""IMEI validation: the 3GPP vectors, what phones show, and each mistake with its own explanation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from imei_registry.domain.imei import (
    ImeiProblem,
    InvalidImeiError,
    check_digit,
    normalise_imei,
    with_check_digit,
)

bodies = st.text(alphabet="0123456789", min_size=14, max_size=14).filter(
    lambda body: len(set(body)) > 1
)


@pytest.mark.parametrize(("body", "digit"), [("26053179311383", 7), ("49015420323751", 8)])
def test_the_check_digits_of_3gpp_ts_23_003_annex_b(body: str, digit: int) -> None:
    assert check_digit(body) == digit
    assert normalise_imei(f"{body}{digit}") == f"{body}{digit}"


@pytest.mark.parametrize(
    "shown",
    [
        "35-209900-176148-1",
        "35 209900 176148 1",
        "352099001761481/01",
        "35-209900-176148-1 / 23",
        " IMEI: 352099001761481 ",
        "imei1: 35 2099 0017 6148 1",
        "35–209900–176148–1",  # en dashes, as some screens and copy-paste produce
    ],
)
def test_what_a_phone_shows_is_accepted_and_normalised(shown: str) -> None:
    assert normalise_imei(shown) == "352099001761481"


def explain(typed: str) -> InvalidImeiError:
    with pytest.raises(InvalidImeiError) as caught:
        normalise_imei(typed)
    return caught.value


@pytest.mark.parametrize(
    ("typed", "problem", "words"),
    [
        ("", ImeiProblem.EMPTY, "*#06#"),
        ("   /01", ImeiProblem.EMPTY, "*#06#"),
        ("35209900176148A", ImeiProblem.BAD_CHARACTERS, "digits only"),
        ("３５２０９９００１７６１４８１", ImeiProblem.BAD_CHARACTERS, "digits only"),
        ("3520990017614823", ImeiProblem.IMEISV, "352099001761481"),
        ("35209900176148", ImeiProblem.MISSING_CHECK_DIGIT, "352099001761481"),
        ("3520990017614", ImeiProblem.WRONG_LENGTH, "has 13"),
        ("35209900176148100", ImeiProblem.WRONG_LENGTH, "has 17"),
        ("352099001761482", ImeiProblem.WRONG_CHECK_DIGIT, "check"),
        ("000000000000000", ImeiProblem.REPEATED_DIGIT, "0000"),
        ("7777777777777777", ImeiProblem.REPEATED_DIGIT, "7777"),
    ],
)
def test_each_mistake_gets_its_own_explanation_in_both_languages(
    typed: str, problem: ImeiProblem, words: str
) -> None:
    error = explain(typed)
    assert error.problem is problem
    assert words in error.explanation.en
    assert error.explanation.az and error.explanation.az != error.explanation.en


def test_no_two_problems_share_an_explanation() -> None:
    typed = ["", "x", "3520990017614823", "35209900176148", "123", "352099001761482", "1" * 15]
    texts = {explain(item).explanation.en for item in typed}
    assert len(texts) == len(typed)


def test_a_run_of_zeros_is_refused_although_its_check_digit_fits() -> None:
    assert check_digit("0" * 14) == 0
    assert explain("0" * 15).problem is ImeiProblem.REPEATED_DIGIT


@given(bodies)
def test_a_body_with_its_check_digit_is_always_valid(body: str) -> None:
    assert normalise_imei(with_check_digit(body)) == with_check_digit(body)


@given(bodies, st.integers(0, 14), st.integers(1, 9))
def test_any_single_wrong_digit_is_caught(body: str, position: int, shift: int) -> None:
    imei = with_check_digit(body)
    wrong = imei[:position] + str((int(imei[position]) + shift) % 10) + imei[position + 1 :]
    with pytest.raises(InvalidImeiError):
        normalise_imei(wrong)


@given(bodies, st.integers(0, 13))
def test_swapping_two_neighbours_is_caught_unless_they_are_0_and_9_or_equal(
    body: str, position: int
) -> None:
    imei = with_check_digit(body)
    a, b = imei[position], imei[position + 1]
    swapped = imei[:position] + b + a + imei[position + 2 :]
    if a == b or {a, b} == {"0", "9"}:
        return  # Luhn's known blind spots
    with pytest.raises(InvalidImeiError):
        normalise_imei(swapped)


separators = st.lists(st.sampled_from(["", " ", "-", "  ", " - "]), min_size=15, max_size=15)


@given(bodies, separators, st.sampled_from(["", "/01", " / 23", "/7"]))
def test_separators_anywhere_and_a_software_suffix_normalise_to_the_same_imei(
    body: str, gaps: list[str], suffix: str
) -> None:
    imei = with_check_digit(body)
    shown = "".join(digit + gap for digit, gap in zip(imei, gaps, strict=True)) + suffix
    assert normalise_imei(shown) == imei
    assert normalise_imei(normalise_imei(shown)) == imei  # normalising twice changes nothing

"""The rules an activation follows after each answer, and how long it waits."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provider_gateway.domain.calls import (
    Answer,
    Call,
    RetryPolicy,
    next_call,
    read_answer,
    waits_before_next_call,
)
from provider_gateway.domain.provider_codes import plain_reason
from provider_gateway.domain.states import ActivationState

POLICY = RetryPolicy(timedelta(seconds=300), initial_backoff_seconds=0.5, max_backoff_seconds=30)


def test_only_never_seen_makes_paying_again_safe() -> None:
    assert next_call(Answer.NOT_FOUND) is Call.PAY
    assert next_call(Answer.UNAVAILABLE) is Call.STATUS
    assert next_call(Answer.PENDING) is Call.STATUS
    assert not waits_before_next_call(Answer.NOT_FOUND)
    assert waits_before_next_call(Answer.UNAVAILABLE) and waits_before_next_call(Answer.PENDING)


@pytest.mark.parametrize("answer", [Answer.COMPLETED, Answer.REJECTED])
def test_final_answers_have_no_next_call(answer: Answer) -> None:
    assert answer.is_final
    with pytest.raises(ValueError, match="final"):
        next_call(answer)


def test_not_found_after_a_pay_is_an_unknown_outcome() -> None:
    assert read_answer(Call.PAY, Answer.NOT_FOUND) is Answer.UNAVAILABLE
    assert read_answer(Call.STATUS, Answer.NOT_FOUND) is Answer.NOT_FOUND


def test_terminal_states() -> None:
    assert not ActivationState.IN_PROGRESS.is_terminal()
    assert ActivationState.ACTIVATED.is_terminal() and ActivationState.FAILED.is_terminal()


def test_backoff_doubles_up_to_its_ceiling() -> None:
    assert [POLICY.backoff_seconds(attempt, 1.0) for attempt in range(1, 8)] == [
        1.0,
        2.0,
        4.0,
        8.0,
        16.0,
        30.0,
        30.0,
    ]


@given(st.integers(0, 10_000), st.floats(0, 1, exclude_max=True))
def test_jitter_keeps_each_wait_between_half_and_all_of_its_ceiling(
    attempt: int, fraction: float
) -> None:
    ceiling = min(30.0, 0.5 * 2.0 ** min(attempt, 30))
    assert ceiling / 2 <= POLICY.backoff_seconds(attempt, fraction) <= ceiling


def test_plain_reasons_keep_the_providers_words() -> None:
    assert plain_reason("7", "forbidden") == (
        "The provider does not allow payments to this account. (provider: forbidden)"
    )
    assert plain_reason("ERR_X", "") == "The provider refused the payment."
    assert len(plain_reason("300", "x" * 2000)) == 500

"""Deciding how an activation goes on after each provider answer, and how long to wait.

The payment id is the provider-side transaction id, so asking again never pays twice. An unknown
outcome (timeout, 5xx, "in progress") is resolved by asking `status`; only a `status` saying the
provider never saw the transaction makes paying again safe.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from typing import assert_never


class Call(StrEnum):
    PAY = "pay"
    STATUS = "status"


class Answer(StrEnum):
    """What one call to the provider told us."""

    COMPLETED = "completed"
    PENDING = "pending"
    REJECTED = "rejected"
    NOT_FOUND = "not_found"
    UNAVAILABLE = "unavailable"  # no answer, or a retryable one: the outcome is unknown

    @property
    def is_final(self) -> bool:
        return self in (Answer.COMPLETED, Answer.REJECTED)


def read_answer(call: Call, answer: Answer) -> Answer:
    """`not_found` only means "never seen" as a `status` answer; after `pay` it is nonsense, so
    the outcome of that pay is unknown."""
    if call is Call.PAY and answer is Answer.NOT_FOUND:
        return Answer.UNAVAILABLE
    return answer


def next_call(answer: Answer) -> Call:
    """The call after a non-final answer. Only "the provider never saw it" allows paying again."""
    match answer:
        case Answer.NOT_FOUND:
            return Call.PAY
        case Answer.PENDING | Answer.UNAVAILABLE:
            return Call.STATUS
        case Answer.COMPLETED | Answer.REJECTED:
            raise ValueError(f"{answer} is final; nothing follows it")
        case unreachable:
            assert_never(unreachable)


def waits_before_next_call(answer: Answer) -> bool:
    """Pending and unknown outcomes need time; "never saw it" is answered by paying at once."""
    return answer in (Answer.PENDING, Answer.UNAVAILABLE)


@dataclass(frozen=True)
class RetryPolicy:
    deadline: timedelta
    initial_backoff_seconds: float
    max_backoff_seconds: float

    def backoff_seconds(self, attempt: int, random_fraction: float) -> float:
        """Exponential with equal jitter: half the ceiling fixed, half random, so retries spread."""
        ceiling = min(
            self.max_backoff_seconds, self.initial_backoff_seconds * 2.0 ** min(attempt, 30)
        )
        return ceiling / 2 + ceiling / 2 * random_fraction

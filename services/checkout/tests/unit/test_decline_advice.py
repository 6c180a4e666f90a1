"""After a decline the customer reads every point of the FAQ's card answer that fits the reason."""

from __future__ import annotations

import pytest

from checkout.domain.decline_advice import WORDS, AdvicePoint, decline_advice, points_for
from contracts.events import DeclineReason


def test_insufficient_funds_gives_the_whole_faq_answer_in_its_order() -> None:
    advice = decline_advice(DeclineReason.INSUFFICIENT_FUNDS)
    assert [point["point"] for point in advice] == [
        "balance",
        "bank_problem_despite_money",
        "time_limit",
    ]
    english = " ".join(point["en"] for point in advice)
    for faq_words in ("balance of your card", "contact your bank", "another card", "time limit"):
        assert faq_words in english


@pytest.mark.parametrize(
    ("reason", "must", "must_not"),
    [
        (DeclineReason.DO_NOT_HONOUR, AdvicePoint.BANK_PROBLEM, AdvicePoint.BALANCE),
        (DeclineReason.EXPIRED_CARD, AdvicePoint.EXPIRED_CARD, AdvicePoint.TIME_LIMIT),
        (DeclineReason.THREE_DS_FAILED, AdvicePoint.CONFIRMATION_CODE, AdvicePoint.BALANCE),
        (DeclineReason.OTHER, AdvicePoint.TIME_LIMIT, AdvicePoint.EXPIRED_CARD),
    ],
)
def test_each_reason_gets_the_points_that_fit_it(
    reason: DeclineReason, must: AdvicePoint, must_not: AdvicePoint
) -> None:
    points = points_for(reason)
    assert must in points and must_not not in points


@pytest.mark.parametrize("point", list(AdvicePoint))
def test_every_point_reads_in_three_languages(point: AdvicePoint) -> None:
    assert set(WORDS[point]) == {"az", "en", "ru"} and all(WORDS[point].values())

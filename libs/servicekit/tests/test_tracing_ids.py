"""Trace and span ids that a card-number scan cannot take for a card: a `traceparent` is kept
with every aggregate and sent with every event while tracing, and about one random one in thirty
holds 13 digits in a row."""

from __future__ import annotations

import re

from servicekit.tracing import NoCardLikeIds

THIRTEEN_DIGITS = re.compile(r"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)")  # separators as cards are typed


def test_no_traceparent_holds_a_run_of_digits_as_long_as_a_card_number() -> None:
    ids = NoCardLikeIds()
    drawn = [
        f"00-{ids.generate_trace_id():032x}-{ids.generate_span_id():016x}-01" for _ in range(5_000)
    ]
    assert [value for value in drawn if THIRTEEN_DIGITS.search(value)] == []
    assert len(set(drawn)) == len(drawn)  # still random

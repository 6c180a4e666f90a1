"""The rule the card-number scans use (after the end-to-end suite and after `make chaos`)."""

from __future__ import annotations

import pytest

from devstack.card_scan import card_numbers_in, masked


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Kartım 4111 1111 1111 1111 idi", ["4111 1111 1111 1111"]),
        ("o biri 5555-5555-5555-4444.", ["5555-5555-5555-4444"]),
        ("Amex 378282246310005", ["378282246310005"]),
        ("Telefon və kart: 050 5105 1051 0510 5100", ["5105 1051 0510 5100"]),
        ("ref-4242424242424242", ["4242424242424242"]),
    ],
)
def test_a_card_written_whole_or_in_groups_is_found(text: str, found: list[str]) -> None:
    assert card_numbers_in(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "4111 1111 1111 1112",  # fails Luhn
        "IMEI 490154203237518",  # 15 digits passing Luhn, but no card scheme issues 49...
        "amount 1500000 qəpik, phone +994 50 123 45 67",
        "sha256 0a4111111111111111" + "f" * 30,  # digits inside a hex digest
    ],
)
def test_what_only_looks_like_a_card_is_not(text: str) -> None:
    assert card_numbers_in(text) == []


def test_a_found_card_is_shown_by_its_last_four_digits_only() -> None:
    assert masked("5555-5555-5555-4444") == "•••• 4444"

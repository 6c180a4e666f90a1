"""A card number pasted into free text is masked to its last four digits; IMEIs, phone numbers,
payment amounts and digit runs that fail Luhn stay as written."""

from __future__ import annotations

import pytest

from support_desk.domain.card_numbers import mask_card_numbers


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("kartım 4111 1111 1111 1111 idi", "kartım •••• 1111 idi"),
        ("4111-1111-1111-1111", "•••• 1111"),
        ("5555555555554444, sonra 4000000000009995", "•••• 4444, sonra •••• 9995"),
        ("Amex 3782 822463 10005", "Amex •••• 0005"),
        ("19 digits 6011000000000000019", "19 digits •••• 0019"),
        ("Visa 13: 4222222222222", "Visa 13: •••• 2222"),
        # A card right after (or before) other digits is still a card: windows of whole groups.
        ("050 4111 1111 1111 1111", "050 •••• 1111"),
        ("12 4111111111111111", "12 •••• 1111"),
        ("4111111111111111-5555555555554444", "•••• 1111-•••• 4444"),
        ("ref-4111111111111111", "ref-•••• 1111"),
        ("4111 1111 1111 1111 2026", "•••• 1111 2026"),
        ("+994 50 5105 1051 0510 5100 zəng edin", "+994 50 •••• 5100 zəng edin"),
        ("490154203237518 4111111111111111", "490154203237518 •••• 1111"),
    ],
)
def test_a_card_number_keeps_only_its_last_four_digits(written: str, kept: str) -> None:
    assert mask_card_numbers(written) == kept


@pytest.mark.parametrize(
    "text",
    [
        "IMEI 490154203237518 and 35-209900-176148-1",  # 15 digits, Luhn-valid: an IMEI
        "4111 1111 1111 1112",  # fails Luhn
        "+994 50 123 45 67",
        "payment pay_01m8vvd5h8xb8xdpndqdxz93t5 of 150.00 AZN",
        "order 123456789012",  # 12 digits: too short for a card
        "at 1764720000009 ms",  # a millisecond timestamp that passes Luhn: cards start 2-6
        "account 6261648806190",  # 13 digits passing Luhn, but only Visa (4) issues 13
        "IMEI 490154203237518 356938035643809",  # two IMEIs side by side
        "2026-12-03 1764720000009",  # a date and a millisecond timestamp
        "IBAN AZ21NABZ00000000137010001944",  # 20 digits in one group: never cut inside it
    ],
)
def test_what_is_not_a_card_number_stays_as_written(text: str) -> None:
    assert mask_card_numbers(text) == text

"""The registry's own IMEI check (15 digits, Luhn check digit) and the IMEIs it already holds."""

from __future__ import annotations

from typing import Final


def luhn_check_digit(body: str) -> int:
    total = 0
    for position, char in enumerate(reversed(body)):
        digit = int(char) * (2 if position % 2 == 0 else 1)
        total += digit - 9 if digit > 9 else digit
    return (10 - total % 10) % 10


def is_valid_imei(value: object) -> bool:
    return (
        isinstance(value, str)
        and len(value) == 15
        and value.isascii()
        and value.isdigit()
        and luhn_check_digit(value[:14]) == int(value[14])
    )


# Registered long before the portal existed, so "already registered" can be tried: the example
# IMEI of 3GPP TS 23.003, the IMEI example shown on many phone screens, and a test-range IMEI.
PRE_REGISTERED: Final = {
    "490154203237518": "2019-03-04T09:15:00+04:00",
    "352099001761481": "2021-11-20T17:40:00+04:00",
    "001001000000015": "2024-02-01T12:00:00+04:00",
}

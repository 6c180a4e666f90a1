"""Card numbers never reach our storage, not even one a customer pastes into a letter: a run of
13-19 digits (spaces or dashes between them allowed) that passes the Luhn check is masked to its
last four digits where free text enters. A card starts with 2-6 (Mir and Mastercard's 2-series,
American Express 3, Visa 4, Mastercard and Maestro 5, Discover and UnionPay 6), which leaves out
millisecond timestamps. IMEIs are 15 digits and pass Luhn too, so a 15-digit run is a card only
with American Express's 34/37 (an IMEI's reporting body is never 34 or 37).
"""

from __future__ import annotations

import re

_DIGIT_RUN = re.compile(r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])")
MASK = "•••• "


def mask_card_numbers(text: str) -> str:
    return _DIGIT_RUN.sub(_masked, text)


def _masked(match: re.Match[str]) -> str:
    found = match.group(0)
    digits = re.sub(r"\D", "", found)
    return MASK + digits[-4:] if looks_like_a_card(digits) else found


def looks_like_a_card(digits: str) -> bool:
    if not 13 <= len(digits) <= 19 or digits[0] not in "23456" or not passes_luhn(digits):
        return False
    return len(digits) != 15 or digits[:2] in ("34", "37")


def passes_luhn(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0

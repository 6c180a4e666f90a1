"""Card numbers never reach our storage, not even one a customer pastes into a letter: a run of
13-19 digits (spaces or dashes between them allowed) that passes the Luhn check is masked to its
last four digits where free text enters, when its length and first digits are ones card schemes
issue (a millisecond timestamp or a 13-digit account number is not a card). IMEIs are 15 digits
and pass Luhn too, so a 15-digit run is a card only with American Express's 34/37 (an IMEI's
reporting body is never 34 or 37).
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
    """The lengths card schemes issue: 13 digits only Visa (4), 14 Diners (30, 36, 38, 39), 15
    American Express (34, 37), 16-19 any scheme (2-6); an account number of another length or
    prefix stays as written even when it happens to pass Luhn."""
    if not 13 <= len(digits) <= 19 or not passes_luhn(digits):
        return False
    return digits.startswith(_PREFIXES.get(len(digits), ("2", "3", "4", "5", "6")))


_PREFIXES = {13: ("4",), 14: ("30", "36", "38", "39"), 15: ("34", "37")}


def passes_luhn(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0

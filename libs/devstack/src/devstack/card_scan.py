"""Finding card numbers in any text: the rule the end-to-end suite and `make chaos` scan our
storage, topics, logs and e-mails with. It is written apart from the services' own masker in
support-desk (a different implementation of the same rule: 13-19 digits passing Luhn, with a length
and first digits that card schemes issue), so a mistake in one is not repeated in the other.
"""

from __future__ import annotations

import re

# What card schemes issue, by length: Visa 13, Diners 14, Amex 15 (an IMEI is 15 digits too),
# and any of Mir, Amex, Visa, Mastercard, Discover, UnionPay at 16-19.
ISSUED = {13: ("4",), 14: ("30", "36", "38", "39"), 15: ("34", "37")}
# A card is written whole or in groups, so it begins and ends where a group of a run of digit
# groups (joined by single spaces or dashes) does: "050 4111 1111 1111 1111" holds one.
GROUP_RUN = re.compile(r"(?<!\d)\d+(?:[ -]\d+)*")


def card_numbers_in(text: str) -> list[str]:
    """Each card number written in the text, as it is written there."""
    found = []
    for run in GROUP_RUN.finditer(text):
        ends = [run.start() + group.end() for group in re.finditer(r"\d+", run[0])]
        for start in [run.start()] + [end + 1 for end in ends[:-1]]:
            for end in (end for end in ends if end > start):
                digits = re.sub(r"\D", "", text[start:end])
                if len(digits) > 19:
                    break
                if _is_a_card(digits) and not _inside_a_digest(text, start, end):
                    found.append(text[start:end])
    return found


def masked(card_number: str) -> str:
    """A found card number as it may be printed: its last four digits only."""
    return "•••• " + re.sub(r"\D", "", card_number)[-4:]


def _is_a_card(digits: str) -> bool:
    issued = ISSUED.get(len(digits), ("2", "3", "4", "5", "6"))
    return len(digits) >= 13 and digits.startswith(issued) and _luhn(digits)


def _inside_a_digest(text: str, start: int, end: int) -> bool:
    """A run of digits inside a long hex token (a SHA-256 fingerprint, an event id's digest) is
    part of that token, not a number anybody typed: about one key in a hundred has such a run."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    token = text[start:end]
    return len(token) >= 32 and all(ch in "0123456789abcdefABCDEF" for ch in token)


def _luhn(digits: str) -> bool:
    checksum = 0
    for index, digit in enumerate(int(d) for d in reversed(digits)):
        checksum += digit if index % 2 == 0 else (digit * 2 // 10 + digit * 2 % 10)
    return checksum % 10 == 0

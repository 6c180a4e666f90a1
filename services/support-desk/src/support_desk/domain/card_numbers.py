"""Card numbers never reach our storage, not even one a customer pastes into a letter: a card is
13-19 digits that pass the Luhn check, with a length and first digits that card schemes issue
(a millisecond timestamp or a 13-digit account number is not a card). IMEIs are 15 digits and pass
Luhn too, so a 15-digit number is a card only with American Express's 34/37 (an IMEI's reporting
body is never 34 or 37). A card found is masked to its last four digits where free text enters.

Where to look: a run of digit groups joined by single spaces or dashes ("050 4111 1111 1111
1111", "12-4111111111111111"). A card pasted is written whole or in groups, so it begins where a
group begins and ends where one ends: every window of consecutive groups holding 13-19 digits is
tried, from the left and the longest first, and the other groups stay as written. A window is
never cut inside a group: a 20-digit reference would then hold a Luhn-valid card-shaped window
most of the time, so a card glued to other digits with no separator is not looked for.
"""

from __future__ import annotations

import re

_GROUP_RUN = re.compile(r"(?<!\d)\d+(?:[ -]\d+)*")
_GROUP = re.compile(r"\d+")
MASK = "•••• "


def mask_card_numbers(text: str) -> str:
    return _GROUP_RUN.sub(lambda run: _masked_run(run.group(0)), text)


def card_windows(run: str) -> list[tuple[int, int]]:
    """The (start, end) of each card inside a run of digit groups, leftmost first, not
    overlapping."""
    groups = [(group.start(), group.end()) for group in _GROUP.finditer(run)]
    found: list[tuple[int, int]] = []
    first = 0
    while first < len(groups):
        last = _last_group_of_a_card(run, groups, first)
        if last is None:
            first += 1
            continue
        found.append((groups[first][0], groups[last][1]))
        first = last + 1
    return found


def _last_group_of_a_card(run: str, groups: list[tuple[int, int]], first: int) -> int | None:
    windows = []
    digits = ""
    for last in range(first, len(groups)):
        digits += run[groups[last][0] : groups[last][1]]
        if len(digits) > 19:
            break
        windows.append((last, digits))
    return next((last for last, digits in reversed(windows) if looks_like_a_card(digits)), None)


def _masked_run(run: str) -> str:
    kept, cursor = [], 0
    for start, end in card_windows(run):
        kept += [run[cursor:start], MASK + re.sub(r"\D", "", run[start:end])[-4:]]
        cursor = end
    return "".join(kept) + run[cursor:]


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

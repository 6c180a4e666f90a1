"""The test-card table: what the bank decides for a card (pure, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

APPROVED_BANK_CODE = "00"
THREE_DS_PASSING_CODE = "1234"


class DeclineReason(StrEnum):
    INSUFFICIENT_FUNDS = "insufficient_funds"
    DO_NOT_HONOUR = "do_not_honour"
    EXPIRED_CARD = "expired_card"
    THREE_DS_FAILED = "three_ds_failed"

    @property
    def bank_code(self) -> str:
        codes = {
            DeclineReason.INSUFFICIENT_FUNDS: "51",
            DeclineReason.DO_NOT_HONOUR: "05",
            DeclineReason.EXPIRED_CARD: "54",
            DeclineReason.THREE_DS_FAILED: "82",
        }
        return codes[self]


_DECLINING_CARDS = {
    "4000000000009995": DeclineReason.INSUFFICIENT_FUNDS,
    "4000000000000002": DeclineReason.DO_NOT_HONOUR,
    "4000000000000069": DeclineReason.EXPIRED_CARD,
}
_THREE_DS_CARDS = frozenset({"4000000000003220"})


@dataclass(frozen=True)
class CardDetails:
    """A card as typed on the page. It lives for one request: only `last4` is ever kept."""

    number: str
    expiry_month: int
    expiry_year: int
    holder: str

    @property
    def last4(self) -> str:
        return self.number[-4:]

    def has_expired(self, today: date) -> bool:
        return (self.expiry_year, self.expiry_month) < (today.year, today.month)


@dataclass(frozen=True)
class Approved:
    pass


@dataclass(frozen=True)
class Declined:
    reason: DeclineReason


@dataclass(frozen=True)
class ChallengeRequired:
    pass


Verdict = Approved | Declined | ChallengeRequired


def passes_luhn(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def judge_card(card: CardDetails, today: date) -> Verdict:
    """The test-card table of protocols.md §1; any other valid card is approved."""
    if card.has_expired(today):
        return Declined(DeclineReason.EXPIRED_CARD)
    if card.number in _DECLINING_CARDS:
        return Declined(_DECLINING_CARDS[card.number])
    if card.number in _THREE_DS_CARDS:
        return ChallengeRequired()
    return Approved()


def judge_three_ds_code(code: str) -> Approved | Declined:
    if code.strip() == THREE_DS_PASSING_CODE:
        return Approved()
    return Declined(DeclineReason.THREE_DS_FAILED)

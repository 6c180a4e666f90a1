"""Amounts as customers type them ("10", "10.5", "10,50") and the service's limits."""

from __future__ import annotations

import re
from typing import Final

from contracts.money import Money
from provider_gateway.domain.refusals import AmountRefusedError

# Seven integer digits is far above any limit and keeps absurd input from becoming a huge number.
_AMOUNT: Final = re.compile(r"(?P<manat>\d{1,7})(?:[.,](?P<fraction>\d+))?")
_CURRENCY_MARKS: Final = ("AZN", "azn", "₼", "man.", "manat")


def parse_amount(typed: str) -> Money:
    """Manat with at most two decimals; a comma works as the decimal mark too."""
    text = typed.strip()
    for mark in _CURRENCY_MARKS:
        text = text.removesuffix(mark).strip()
    match = _AMOUNT.fullmatch(text)
    if match is None or not text.isascii():
        raise AmountRefusedError(
            "not_an_amount",
            "Enter the amount in manat, e.g. 10 or 10.50.",
            "Məbləği manatla daxil edin, məsələn 10 və ya 10.50.",
            "Введите сумму в манатах, например 10 или 10.50.",
        )
    fraction = match.group("fraction")
    if fraction is not None and len(fraction) > 2:
        raise AmountRefusedError(
            "too_many_decimals",
            "An amount has at most two decimals (qəpik), e.g. 10.55.",
            "Məbləğdə vergüldən sonra ən çoxu iki rəqəm (qəpik) olur, məsələn 10.55.",
            "В сумме не больше двух знаков после запятой (гяпики), например 10.55.",
        )
    return Money.azn(f"{match.group('manat')}.{fraction or '0'}")


def check_limits(amount: Money, minimum: Money, maximum: Money) -> None:
    """Refuses an amount below the service's minimum or above its maximum, naming both."""
    if amount < minimum:
        raise AmountRefusedError(
            "amount_below_minimum",
            f"The smallest payment for this service is {minimum}.",
            f"Bu xidmət üçün ən kiçik ödəniş: {minimum}.",
            f"Наименьший платёж за эту услугу: {minimum}.",
            minimum_qepik=minimum.qepik,
            maximum_qepik=maximum.qepik,
        )
    if maximum < amount:
        raise AmountRefusedError(
            "amount_above_maximum",
            f"The largest payment for this service is {maximum}.",
            f"Bu xidmət üçün ən böyük ödəniş: {maximum}.",
            f"Наибольший платёж за эту услугу: {maximum}.",
            minimum_qepik=minimum.qepik,
            maximum_qepik=maximum.qepik,
        )

"""Azerbaijani phone numbers: the forms customers type, reduced to the 9-digit national number.

`+994 50 123 45 67`, `050-123-45-67`, `0501234567` and `501234567` are one number, `501234567`.
Numbers are portable, so a prefix does not prove the operator; it is a sanity check against
typos and a wrong operator picked from the list. The policy (see `check_mobile_operator`):
a prefix of the chosen operator, or one left shared when an operator closed (Naxtel's 60), is
accepted; another operator's prefix is refused with a reason that names that operator and tells
a customer whose number was moved how to get help; a non-mobile prefix is refused.
"""

from __future__ import annotations

import re
from typing import Final, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from provider_gateway.domain.refusals import AccountRefusedError

NATIONAL_DIGITS: Final = 9
_DECORATION: Final = re.compile(r"[\s\-().]")
_PREFIX: Final = re.compile(r"^\d{2}$")


class PhonePlan(BaseModel):
    """Who issued which mobile prefix; data, because operators open and close."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    mobile_prefixes: dict[str, str] = Field(min_length=1, description="prefix → operator")
    shared_prefixes: tuple[str, ...] = Field(
        default=(), description="prefixes any operator may now hold (a closed operator's)"
    )

    def operator_of(self, prefix: str) -> str | None:
        return self.mobile_prefixes.get(prefix)

    @model_validator(mode="after")
    def _prefixes_are_two_digits_and_known(self) -> Self:
        malformed = [item for item in self.mobile_prefixes if not _PREFIX.fullmatch(item)]
        if malformed:
            raise ValueError(f"mobile prefixes must be two digits: {malformed}")
        unknown = set(self.shared_prefixes) - set(self.mobile_prefixes)
        if unknown:
            raise ValueError(f"shared prefixes must be mobile prefixes too: {sorted(unknown)}")
        return self


def national_number(raw: str, example: str) -> str:
    """The 9 national digits of an Azerbaijani number written in any usual way."""
    compact = _DECORATION.sub("", raw)
    for international in ("+994", "00994"):
        if compact.startswith(international):
            compact = compact.removeprefix(international)
            break
    else:
        if compact.startswith(("+", "00")):
            raise AccountRefusedError(
                "foreign_number",
                "Only Azerbaijani numbers (+994) can be paid here.",
                "Burada yalnız Azərbaycan nömrələri (+994) ödənilə bilər.",
                "Здесь можно оплатить только азербайджанские номера (+994).",
            )
        if compact.startswith("994") and len(compact) == NATIONAL_DIGITS + 3:
            compact = compact.removeprefix("994")
        elif compact.startswith("0") and len(compact) == NATIONAL_DIGITS + 1:
            compact = compact.removeprefix("0")
    if not (compact.isascii() and compact.isdigit()):
        raise AccountRefusedError(
            "bad_characters",
            "A phone number has only digits; it may start with +994 or 0.",
            "Telefon nömrəsi yalnız rəqəmlərdən ibarətdir; əvvəlində +994 və ya 0 ola bilər.",
            "Номер телефона состоит только из цифр; в начале может быть +994 или 0.",
        )
    if len(compact) != NATIONAL_DIGITS:
        raise AccountRefusedError(
            "wrong_length",
            f"A number has 9 digits after +994 (10 when it starts with 0), e.g. {example}.",
            f"Nömrədə +994-dən sonra 9 rəqəm olur (0 ilə başlayanda 10), məsələn {example}.",
            f"В номере 9 цифр после +994 (10, если он начинается с 0), например {example}.",
        )
    return compact


def check_mobile_operator(number: str, plan: PhonePlan, operator_prefixes: tuple[str, ...]) -> None:
    """Refuses a number whose prefix is not a mobile one, or was issued by another operator."""
    prefix = number[:2]
    if prefix in operator_prefixes or prefix in plan.shared_prefixes:
        return
    operator = plan.operator_of(operator_prefixes[0]) or "?"
    own = ", ".join(f"0{item}" for item in operator_prefixes)
    other = plan.operator_of(prefix)
    if other is None:
        raise AccountRefusedError(
            "not_a_mobile_number",
            f"0{prefix} is not a mobile prefix; {operator} numbers start with {own}.",
            f"0{prefix} mobil prefiks deyil; {operator} nömrələri {own} ilə başlayır.",
            f"0{prefix} — не мобильный префикс; номера {operator} начинаются с {own}.",
        )
    raise AccountRefusedError(
        "operator_prefix_mismatch",
        f"Numbers starting with 0{prefix} were issued by {other}, not {operator}. If you meant "
        f"{other}, choose {other}. A number moved to {operator} keeps its old prefix: if yours "
        "was moved, write to us and we will help.",
        f"0{prefix} ilə başlayan nömrələri {operator} yox, {other} verib. {other} nəzərdə "
        f"tutmusunuzsa, {other} seçin. {operator} operatoruna keçirilmiş nömrə köhnə prefiksini "
        "saxlayır: nömrəniz keçirilibsə, bizə yazın, kömək edək.",
        f"Номера, начинающиеся с 0{prefix}, выдал {other}, а не {operator}. Если вы имели в виду "
        f"{other}, выберите {other}. Номер, перенесённый к {operator}, сохраняет старый префикс: "
        "если ваш номер перенесён, напишите нам, и мы поможем.",
    )


def check_landline(number: str, plan: PhonePlan, example: str) -> None:
    """Refuses a mobile number typed where a landline number is expected."""
    prefix = number[:2]
    if plan.operator_of(prefix) is not None:
        raise AccountRefusedError(
            "mobile_number_for_landline",
            f"0{prefix} is a mobile prefix; enter the landline number with its area code, "
            f"e.g. {example}.",
            f"0{prefix} mobil prefiksdir; şəhər nömrəsini kodu ilə daxil edin, məsələn {example}.",
            f"0{prefix} — мобильный префикс; введите городской номер с кодом, например {example}.",
        )

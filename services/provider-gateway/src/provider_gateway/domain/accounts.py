"""The account field of a service and how a typed account becomes the one the provider knows."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Final, Self, assert_never

from pydantic import BaseModel, ConfigDict, Field, model_validator

from provider_gateway.domain.localized import Localized
from provider_gateway.domain.phones import (
    PhonePlan,
    check_landline,
    check_mobile_operator,
    national_number,
)
from provider_gateway.domain.refusals import AccountRefusedError

MAX_TYPED_LENGTH: Final = 64
_SPACES_AND_DASHES: Final = re.compile(r"[\s\-]")


class AccountKind(StrEnum):
    """What the customer types; the portal picks its keyboard and layout from it."""

    PHONE = "phone"
    LANDLINE = "landline"
    DIGITS = "digits"
    TEXT = "text"


class Normaliser(StrEnum):
    """How a typed account is reduced to the provider's form before the pattern is checked."""

    MOBILE_NUMBER = "mobile_number"
    LANDLINE_NUMBER = "landline_number"
    DIGITS_ONLY = "digits_only"
    ALNUM_UPPER = "alnum_upper"
    TRIMMED = "trimmed"


_NORMALISERS_OF: Final = {
    AccountKind.PHONE: {Normaliser.MOBILE_NUMBER},
    AccountKind.LANDLINE: {Normaliser.LANDLINE_NUMBER},
    AccountKind.DIGITS: {Normaliser.DIGITS_ONLY},
    AccountKind.TEXT: {Normaliser.ALNUM_UPPER, Normaliser.TRIMMED},
}


class AccountField(BaseModel):
    """The one field a customer fills in to name what is paid for."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    label: Localized
    hint: Localized = Field(description="what the account looks like and where to find it")
    kind: AccountKind
    normaliser: Normaliser
    pattern: str = Field(min_length=1, description="regex the normalised account must match")
    example: str = Field(min_length=1, max_length=MAX_TYPED_LENGTH)
    operator_prefixes: tuple[str, ...] = Field(default=(), description="phone kind: own prefixes")

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        try:
            re.compile(self.pattern)
        except re.error as error:
            raise ValueError(f"pattern {self.pattern!r} does not compile: {error}") from error
        if self.normaliser not in _NORMALISERS_OF[self.kind]:
            raise ValueError(f"normaliser {self.normaliser} does not fit kind {self.kind}")
        if (self.kind is AccountKind.PHONE) != bool(self.operator_prefixes):
            raise ValueError("operator_prefixes are required for phone fields, and only there")
        return self


def normalise_account(field: AccountField, typed: str, plan: PhonePlan) -> str:
    """The account in the provider's form, or AccountRefusedError saying what is wrong."""
    if len(typed) > MAX_TYPED_LENGTH:
        raise AccountRefusedError(
            "too_long",
            f"{field.label.en} is too long.",
            f"{field.label.az} çox uzundur.",
            f"{field.label.ru}: слишком длинно.",
        )
    if not typed.strip():
        raise AccountRefusedError(
            "empty",
            f"Enter the {field.label.en.lower()}.",
            f"{field.label.az}: sahə boşdur.",
            f"{field.label.ru}: поле пустое.",
        )
    account = _reduce(field, typed.strip(), plan)
    if re.fullmatch(field.pattern, account) is None:
        raise AccountRefusedError(
            "pattern_mismatch",
            f"{field.label.en}: {field.hint.en}. Example: {field.example}.",
            f"{field.label.az}: {field.hint.az}. Məsələn: {field.example}.",
            f"{field.label.ru}: {field.hint.ru}. Например: {field.example}.",
        )
    return account


def _reduce(field: AccountField, typed: str, plan: PhonePlan) -> str:
    match field.normaliser:
        case Normaliser.MOBILE_NUMBER:
            number = national_number(typed, field.example)
            check_mobile_operator(number, plan, field.operator_prefixes)
            return number
        case Normaliser.LANDLINE_NUMBER:
            number = national_number(typed, field.example)
            check_landline(number, plan, field.example)
            return number
        case Normaliser.DIGITS_ONLY:
            digits = _SPACES_AND_DASHES.sub("", typed)
            if not (digits.isascii() and digits.isdigit()):
                raise AccountRefusedError(
                    "bad_characters",
                    f"{field.label.en} has only digits.",
                    f"{field.label.az} yalnız rəqəmlərdən ibarətdir.",
                    f"{field.label.ru}: только цифры.",
                )
            return digits
        case Normaliser.ALNUM_UPPER:
            compact = _SPACES_AND_DASHES.sub("", typed).upper()
            if not (compact.isascii() and compact.isalnum()):
                raise AccountRefusedError(
                    "bad_characters",
                    f"{field.label.en} has only Latin letters and digits.",
                    f"{field.label.az} yalnız latın hərfləri və rəqəmlərdən ibarətdir.",
                    f"{field.label.ru}: только латинские буквы и цифры.",
                )
            return compact
        case Normaliser.TRIMMED:
            return typed
        case unreachable:
            assert_never(unreachable)

"""Text the catalog shows in the portal's three languages."""

from __future__ import annotations

from enum import StrEnum
from typing import assert_never

from pydantic import BaseModel, ConfigDict, Field


class Language(StrEnum):
    AZ = "az"
    EN = "en"
    RU = "ru"


class Localized(BaseModel):
    """One text in Azerbaijani, English and Russian; none may be missing."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    az: str = Field(min_length=1, max_length=200)
    en: str = Field(min_length=1, max_length=200)
    ru: str = Field(min_length=1, max_length=200)

    def in_language(self, language: Language) -> str:
        match language:
            case Language.AZ:
                return self.az
            case Language.EN:
                return self.en
            case Language.RU:
                return self.ru
            case unreachable:
                assert_never(unreachable)

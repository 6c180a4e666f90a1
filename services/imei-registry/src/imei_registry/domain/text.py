"""Text a customer reads, in Azerbaijani, English and Russian (each one required)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class Bilingual:
    az: str
    en: str
    ru: str

    def as_dict(self) -> dict[str, str]:
        return {"az": self.az, "en": self.en} | ({"ru": self.ru} if self.ru else {})


# The registry's own contacts, for every question about the registry itself (FAQ, MCQS paragraph).
REGISTRY_WEBSITE: Final = "https://imei.az"
REGISTRY_PHONE: Final = "157"
REGISTRY_CONTACTS: Final = Bilingual(
    az="Reyestrin özü barədə suallar üçün: imei.az saytı və ya 157 qaynar xətti.",
    en="For questions about the registry itself: imei.az or the 157 hotline.",
    ru="По вопросам о самом реестре: сайт imei.az или горячая линия 157.",
)
RESTART_ADVICE: Final = Bilingual(
    az="Şəbəkənin dəyişikliyi görməsi üçün telefonu söndürüb yenidən yandırın.",
    en="Switch the phone off and on again so that the network picks up the change.",
    ru="Выключите и снова включите телефон, чтобы сеть увидела изменение.",
)

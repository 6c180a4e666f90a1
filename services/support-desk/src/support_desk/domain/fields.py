"""Checks of single fields a person types, each refusal with a stable code and az/en/ru words."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from contracts.ids import is_id
from support_desk.domain.card_numbers import mask_card_numbers

NAME_MAX = 50
_NAME_SEPARATORS = frozenset(" -'’")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_IMEI_SEPARATORS = re.compile(r"[\s\-.]")


@dataclass(frozen=True)
class FieldError:
    field: str
    code: str
    en: str
    az: str
    ru: str


class FieldRefusedError(ValueError):
    def __init__(self, error: FieldError) -> None:
        super().__init__(f"{error.field}: {error.en}")
        self.error = error


def refuse(field: str, code: str, en: str, az: str, ru: str) -> FieldRefusedError:
    return FieldRefusedError(FieldError(field, code, en, az, ru))


def has_line_break(text: str) -> bool:
    """CR, LF and their Unicode cousins: what header injection is made of."""
    return any(char in text for char in "\r\n\x85\u2028\u2029") or "%0a" in text.lower()


def person_name(field: str, raw: object) -> str:
    """Letters of any alphabet (Azerbaijani ə ğ ı ö ş ç ü included), spaces, hyphens, apostrophes."""
    if not isinstance(raw, str) or not raw.strip():
        raise refuse(
            field, "required", "Please fill this in.", "Bu sahəni doldurun.", "Заполните это поле."
        )
    name = " ".join(unicodedata.normalize("NFC", raw).split())
    if has_line_break(raw) or _CONTROL.search(raw):
        raise refuse(
            field,
            "control_characters",
            "Line breaks are not allowed.",
            "Sətir keçidinə icazə yoxdur.",
            "Переносы строк не допускаются.",
        )
    if len(name) > NAME_MAX:
        raise refuse(
            field,
            "too_long",
            f"At most {NAME_MAX} characters.",
            f"Ən çoxu {NAME_MAX} simvol.",
            f"Не больше {NAME_MAX} символов.",
        )
    if not name[0].isalpha() or not all(c.isalpha() or c in _NAME_SEPARATORS for c in name):
        raise refuse(
            field,
            "not_a_name",
            "Use letters only (spaces, hyphens and apostrophes are fine).",
            "Yalnız hərflərdən istifadə edin (boşluq, defis və apostrof ola bilər).",
            "Используйте только буквы (пробелы, дефисы и апострофы допустимы).",
        )
    return name


def subject_slug(raw: object) -> str:
    if not isinstance(raw, str) or not _SLUG.fullmatch(raw.strip()):
        raise refuse(
            "subject",
            "unknown_subject",
            'Choose the service you had a problem with, or "other".',
            'Problem yaşadığınız xidməti və ya "digər" seçin.',
            "Выберите услугу, с которой возникла проблема, или «Другое».",
        )
    return raw.strip()


def message_text(raw: object, limit: int = 5000) -> str:
    """Kept as text, whatever it contains (HTML included): it is escaped wherever it is shown.
    A card number in it is masked before anything else sees it."""
    if not isinstance(raw, str) or not raw.strip():
        raise refuse(
            "message",
            "required",
            "Describe the problem.",
            "Problemi təsvir edin.",
            "Опишите проблему.",
        )
    text = _CONTROL.sub("", raw.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if len(text) > limit:
        raise refuse(
            "message",
            "too_long",
            f"At most {limit} characters.",
            f"Ən çoxu {limit} simvol.",
            f"Не больше {limit} символов.",
        )
    return mask_card_numbers(text)


def payment_reference(raw: object) -> str | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if not isinstance(raw, str) or not is_id("pay", raw.strip()):
        raise refuse(
            "payment_id",
            "not_a_payment_id",
            "The payment number looks like pay_… (see your receipt or e-mail).",
            "Ödəniş nömrəsi pay_… kimi olur (qəbzə və ya məktuba baxın).",
            "Номер платежа выглядит как pay_… (см. квитанцию или письмо).",
        )
    return raw.strip()


def imei_list(raw: object) -> tuple[str, ...]:
    """One IMEI, or two for a duos phone, as shown on the screen: separators and a /NN suffix go."""
    if raw is None or raw == [] or raw == "":
        return ()
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not 1 <= len(items) <= 2:
        raise refuse(
            "imeis",
            "imei_count",
            "Give one IMEI, or two for a duos phone.",
            "Bir IMEI, duos telefon üçün isə iki IMEI yazın.",
            "Укажите один IMEI или два для телефона Duos.",
        )
    imeis = []
    for item in items:
        digits = _IMEI_SEPARATORS.sub("", item.split("/")[0]) if isinstance(item, str) else ""
        if not (digits.isascii() and digits.isdigit() and 14 <= len(digits) <= 16):
            raise refuse(
                "imeis",
                "not_an_imei",
                "An IMEI has 15 digits (dial *#06# to see it).",
                "IMEI 15 rəqəmdən ibarətdir (*#06# yığaraq baxın).",
                "В IMEI 15 цифр (наберите *#06#, чтобы его увидеть).",
            )
        imeis.append(digits)
    return tuple(imeis)


def page_language(raw: object) -> str:
    """The language of the page the form was sent from; Azerbaijani when not said."""
    if raw is None or raw == "":
        return "az"
    if raw not in ("az", "en", "ru"):
        raise refuse(
            "language",
            "unknown_language",
            "The language is az, en or ru.",
            "Dil az, en və ya ru olur.",
            "Язык: az, en или ru.",
        )
    return str(raw)

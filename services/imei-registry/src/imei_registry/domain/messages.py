"""The registered e-mail: what was registered, when, to restart the phone, whom to ask. Written in
the language the customer asked for the quote in; in Azerbaijani then English when it is unknown."""

from __future__ import annotations

from datetime import datetime
from typing import Final, NamedTuple

from contracts.events import Language
from imei_registry.domain.quote import BAKU
from imei_registry.domain.registration import Registration
from imei_registry.domain.text import REGISTRY_CONTACTS, RESTART_ADVICE


class MailWords(NamedTuple):
    subject: str
    hello: str
    registered: str  # {when}
    device: str
    payment: str


WORDS: Final[dict[Language, MailWords]] = {
    "az": MailWords(
        "IMEI qeydiyyatdan keçdi",
        "Salam!",
        "Cihazınız MCQS reyestrində qeydiyyatdan keçdi ({when}, Bakı vaxtı).",
        "Cihaz",
        "Ödəniş",
    ),
    "en": MailWords(
        "IMEI registered",
        "Hello!",
        "Your device is registered at the MCQS registry ({when}, Baku time).",
        "Device",
        "Payment",
    ),
    "ru": MailWords(
        "IMEI зарегистрирован",
        "Здравствуйте!",
        "Ваше устройство зарегистрировано в реестре MCQS ({when}, по бакинскому времени).",
        "Устройство",
        "Платёж",
    ),
}


def registered_mail(registration: Registration) -> tuple[str, str]:
    """(subject, text) in the registration's language, or Azerbaijani then English."""
    if registration.language is not None:
        return WORDS[registration.language].subject, _body(registration, registration.language)
    subject = f"{WORDS['az'].subject} / {WORDS['en'].subject}"
    return subject, f"{_body(registration, 'az')}\n---\n\n{_body(registration, 'en')}"


def _body(registration: Registration, language: Language) -> str:
    words = WORDS[language]
    device = " ".join(part for part in (registration.brand, registration.model) if part) or "—"
    imeis = "\n".join(f"  IMEI {n}: {imei}" for n, imei in enumerate(registration.imeis, 1))
    when = _baku_time(registration.registered_at or registration.created_at)
    return (
        f"{words.hello}\n\n"
        f"{words.registered.format(when=when)}\n"
        f"{words.device}: {device}\n{imeis}\n"
        f"{words.payment}: {registration.payment_id}\n\n"
        f"{getattr(RESTART_ADVICE, language)}\n{getattr(REGISTRY_CONTACTS, language)}\n"
    )


def _baku_time(moment: datetime) -> str:
    return moment.astimezone(BAKU).strftime("%d.%m.%Y %H:%M")

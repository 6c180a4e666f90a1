"""The registered e-mail: what was registered, when, to restart the phone, whom to ask."""

from __future__ import annotations

from datetime import datetime

from imei_registry.domain.quote import BAKU
from imei_registry.domain.registration import Registration
from imei_registry.domain.text import REGISTRY_CONTACTS, RESTART_ADVICE

SUBJECT = "IMEI qeydiyyatdan keçdi / IMEI registered"


def registered_mail(registration: Registration) -> tuple[str, str]:
    """(subject, text) in Azerbaijani, then English."""
    device = " ".join(part for part in (registration.brand, registration.model) if part)
    device = device or "—"
    imeis = "\n".join(f"  IMEI {n}: {imei}" for n, imei in enumerate(registration.imeis, 1))
    when = _baku_time(registration.registered_at or registration.created_at)
    text = (
        "Salam!\n\n"
        f"Cihazınız MCQS reyestrində qeydiyyatdan keçdi ({when}, Bakı vaxtı).\n"
        f"Cihaz: {device}\n{imeis}\n"
        f"Ödəniş: {registration.payment_id}\n\n"
        f"{RESTART_ADVICE.az}\n{REGISTRY_CONTACTS.az}\n\n"
        "---\n\n"
        "Hello!\n\n"
        f"Your device is registered at the MCQS registry ({when}, Baku time).\n"
        f"Device: {device}\n{imeis}\n"
        f"Payment: {registration.payment_id}\n\n"
        f"{RESTART_ADVICE.en}\n{REGISTRY_CONTACTS.en}\n"
    )
    return SUBJECT, text


def _baku_time(moment: datetime) -> str:
    return moment.astimezone(BAKU).strftime("%d.%m.%Y %H:%M")

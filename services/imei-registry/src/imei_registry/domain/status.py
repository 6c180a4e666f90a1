"""What a customer is told about an IMEI: not registered, pending, registered (when), rejected (why)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from imei_registry.domain.registration import Registration
from imei_registry.domain.states import RegistrationState
from imei_registry.domain.text import RESTART_ADVICE, Bilingual


class ImeiStatus(StrEnum):
    NOT_REGISTERED = "not_registered"
    PENDING = "pending"
    REGISTERED = "registered"
    REJECTED = "rejected"


@dataclass(frozen=True)
class StatusAnswer:
    status: ImeiStatus
    message: Bilingual
    since: datetime | None = None  # registered at, or asked for
    reason: str | None = None  # why the registry rejected it
    known_by: str = "portal"  # "portal": our records; "registry": MCQS said so


def status_of(registrations: Sequence[Registration]) -> StatusAnswer:
    """Registered beats pending beats the latest rejection; refused payments register nothing."""
    by_state = {
        state: [r for r in registrations if r.state is state] for state in RegistrationState
    }
    if done := by_state[RegistrationState.REGISTERED]:
        return registered(min(r.registered_at or r.created_at for r in done), "portal")
    waiting = by_state[RegistrationState.SUBMITTING] + by_state[RegistrationState.PENDING]
    if waiting:
        return StatusAnswer(ImeiStatus.PENDING, _PENDING, since=min(r.created_at for r in waiting))
    if rejected := by_state[RegistrationState.REJECTED]:
        latest = max(rejected, key=lambda r: r.created_at)
        reason = latest.failure_reason or latest.failure_code or "rejected"
        return StatusAnswer(ImeiStatus.REJECTED, _rejected(reason), latest.created_at, reason)
    return StatusAnswer(ImeiStatus.NOT_REGISTERED, NOT_REGISTERED)


def registered(at: datetime | None, known_by: str) -> StatusAnswer:
    message = Bilingual(
        az=f"Cihaz MCQS-də qeydiyyatdadır. {RESTART_ADVICE.az} Ödənişdən bir gün sonra şəbəkə "
        "hələ yoxdursa, imei.az/contact ilə əlaqə saxlayın.",
        en=f"The device is registered at MCQS. {RESTART_ADVICE.en} If the network is still "
        "missing a day after the payment, contact imei.az/contact.",
        ru=f"Устройство зарегистрировано в MCQS. {RESTART_ADVICE.ru} Если через день после оплаты "
        "сети всё ещё нет, обратитесь через imei.az/contact.",
    )
    return StatusAnswer(ImeiStatus.REGISTERED, message, since=at, known_by=known_by)


def pending_at_registry() -> StatusAnswer:
    return StatusAnswer(ImeiStatus.PENDING, _PENDING, known_by="registry")


NOT_REGISTERED = Bilingual(
    az="Bu IMEI qeydiyyatda deyil. Rüsumu ödəmək üçün IMEI-ni yoxlayıb hesablama alın.",
    en="This IMEI is not registered. Check it and get a quote to pay the state fee.",
    ru="Этот IMEI не зарегистрирован. Проверьте его и получите расчёт, чтобы оплатить пошлину.",
)
_PENDING = Bilingual(
    az="Ödəniş alınıb; reyestr qeydiyyatı 24 saat ərzində tamamlayır. Sonra telefonu söndürüb "
    "yandırın.",
    en="The payment is in; the registry completes the registration within 24 hours. Then switch "
    "the phone off and on.",
    ru="Оплата получена; реестр завершает регистрацию в течение 24 часов. Затем выключите и "
    "включите телефон.",
)


def _rejected(reason: str) -> Bilingual:
    return Bilingual(
        az=f"Reyestr qeydiyyatı rədd edib: {reason} Ödəniş kartınıza qaytarılır.",
        en=f"The registry refused the registration: {reason} The payment is refunded to your card.",
        ru=f"Реестр отклонил регистрацию: {reason} Оплата возвращается на вашу карту.",
    )

"""What checkout's handlers refuse a payment with: a stable code and the words, no HTTP.

The entrypoints (``checkout.entrypoints.problems``) turn each into a problem in one place.
"""

from __future__ import annotations

from typing import Any


class CheckoutError(Exception):
    """A refusal with a stable ``code`` and its message in Azerbaijani, English and Russian."""

    code: str = "checkout_error"
    en: str = "The request was refused."
    az: str = "Sorğu rədd edildi."
    ru: str | None = "Запрос отклонён."

    def __init__(self) -> None:
        super().__init__(f"{self.code}: {self.en}")


class KeyReusedError(CheckoutError):
    code = "idempotency_key_reused"
    en = "This Idempotency-Key was used for a different payment."
    az = "Bu Idempotency-Key başqa ödəniş üçün istifadə olunub."
    ru = "Этот Idempotency-Key уже использован для другого платежа."


class RequestInProgressError(CheckoutError):
    """Another request with the same key is still creating the payment; repeating it is safe."""

    code = "request_in_progress"
    en = "This payment is still being created; repeat the request in a moment."
    az = "Bu ödəniş hələ yaradılır; sorğunu bir azdan təkrarlayın."
    ru = "Этот платёж ещё создаётся; повторите запрос через мгновение."


class PaymentCannotStartError(CheckoutError):
    """The catalog or the bank did not answer; nothing was charged or stored, the key is free."""

    code = "temporarily_unavailable"
    en = "We cannot start the payment right now. Nothing was charged; try again in a minute."
    az = "Hazırda ödənişə başlamaq mümkün deyil. Heç nə tutulmayıb; bir dəqiqədən sonra cəhd edin."
    ru = "Сейчас начать платёж невозможно. Деньги не списаны; попробуйте через минуту."


class ServiceRejectedError(CheckoutError):
    """provider-gateway refused the service, account or amount; its own words are passed on.

    ``upstream_status`` is what provider-gateway answered with (404 for an unknown service, 422
    for a bad account or amount), kept so the refusal is relayed, and replayed from the
    idempotency record, exactly as it came.
    """

    def __init__(
        self,
        code: str,
        words: dict[str, str],
        extra: dict[str, Any],
        upstream_status: int,
    ) -> None:
        self.code = code
        self.en = words.get("en") or CheckoutError.en
        self.az = words.get("az") or CheckoutError.az
        self.ru = words.get("ru")  # provider-gateway may not have written Russian words yet
        self.extra = dict(extra)
        self.upstream_status = upstream_status
        super().__init__()

"""Every problem checkout answers with, in one place: status, stable code, words, headers.

Handler refusals (`CheckoutError`) become problems through one app-level exception handler, so
no route can forget the mapping; the edges' own refusals (headers, signatures) are built here too.
"""

from __future__ import annotations

from fastapi import FastAPI

from checkout.handlers.errors import (
    CheckoutError,
    KeyReusedError,
    PaymentCannotStartError,
    RequestInProgressError,
    ServiceRejectedError,
)
from servicekit.problems import Problem, map_errors

STATUSES: dict[type[CheckoutError], int] = {
    KeyReusedError: 422,
    RequestInProgressError: 409,
    PaymentCannotStartError: 503,
}
_HEADERS: dict[type[CheckoutError], dict[str, str]] = {
    RequestInProgressError: {"Retry-After": "1"},
    PaymentCannotStartError: {"Retry-After": "5"},
}


def problem_for(error: CheckoutError) -> Problem:
    if isinstance(error, ServiceRejectedError):  # relayed with provider-gateway's own status
        status, extra = error.upstream_status, error.extra
    else:
        status, extra = STATUSES[type(error)], {}
    headers = _HEADERS.get(type(error))
    return Problem(
        status, error.code, error.en, error.az, ru=error.ru, headers=headers, extra=extra
    )


def install_refusal_handler(app: FastAPI) -> None:
    map_errors(app, CheckoutError, problem_for)


def idempotency_key_missing() -> Problem:
    return Problem(
        400,
        "idempotency_key_missing",
        "Send an Idempotency-Key header with the payment.",
        "Ödənişlə birlikdə Idempotency-Key başlığını göndərin.",
        ru="Отправьте заголовок Idempotency-Key вместе с платежом.",
    )


def idempotency_key_invalid() -> Problem:
    return Problem(
        400,
        "idempotency_key_invalid",
        "The Idempotency-Key must be 8 to 64 letters, digits or - _ . :",
        "Idempotency-Key 8-64 hərf, rəqəm və ya - _ . : simvolundan ibarət olmalıdır.",
        ru="Idempotency-Key должен состоять из 8–64 букв, цифр или символов - _ . :",
    )


def payment_not_found() -> Problem:
    return Problem(
        404,
        "payment_not_found",
        "There is no such payment.",
        "Belə ödəniş yoxdur.",
        ru="Такого платежа нет.",
    )


def receipt_not_ready(state: str) -> Problem:
    return Problem(
        409,
        "receipt_not_ready",
        "A receipt exists only for a completed payment.",
        "Qəbz yalnız tamamlanmış ödəniş üçün olur.",
        ru="Квитанция есть только у завершённого платежа.",
        extra={"state": state},
    )


def bad_signature() -> Problem:
    return Problem(
        401,
        "bad_signature",
        "The callback's signature or time is not valid.",
        "Callback-in imzası və ya vaxtı etibarsızdır.",
        ru="Подпись или время обратного вызова недействительны.",
    )


def bad_callback() -> Problem:
    return Problem(
        400,
        "bad_callback",
        "The callback body is not valid.",
        "Callback məzmunu etibarsızdır.",
        ru="Содержимое обратного вызова недействительно.",
    )


def bank_unavailable() -> Problem:
    return Problem(
        503,
        "bank_unavailable",
        "Try again later.",
        "Bir az sonra yenidən cəhd edin.",
        ru="Повторите попытку позже.",
        headers={"Retry-After": "5"},
    )

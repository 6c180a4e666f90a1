"""The catalog API's refusals as problems: a stable code, words in Azerbaijani, English and Russian."""

from __future__ import annotations

import math

from provider_gateway.adapters.base import ProviderError, ProviderUnavailableError
from provider_gateway.domain.refusals import AccountRefusedError, AmountRefusedError
from servicekit.problems import Problem

DEFAULT_RETRY_AFTER_SECONDS = 30
_LIMIT_CODES = frozenset({"amount_below_minimum", "amount_above_maximum"})


def service_not_found(service_id: str) -> Problem:
    return Problem(
        404,
        "service_not_found",
        "There is no such service in the catalog.",
        "Kataloqda belə xidmət yoxdur.",
        ru="Такой услуги нет в каталоге.",
        extra={"service_id": service_id[:64]},
    )


def invalid_account(error: AccountRefusedError) -> Problem:
    return Problem(
        422, "invalid_account", error.en, error.az, ru=error.ru, extra={"reason": error.reason}
    )


def invalid_amount(error: AmountRefusedError) -> Problem:
    code = error.reason if error.reason in _LIMIT_CODES else "invalid_amount"
    extra: dict[str, object] = {"reason": error.reason}
    if error.minimum_qepik is not None:
        extra |= {"min_qepik": error.minimum_qepik, "max_qepik": error.maximum_qepik}
    return Problem(422, code, error.en, error.az, ru=error.ru, extra=extra)


def lookup_not_supported() -> Problem:
    return Problem(
        409,
        "lookup_not_supported",
        "This provider does not answer account lookups; you can pay without one.",
        "Bu təchizatçı hesab yoxlamasını dəstəkləmir; yoxlamasız ödəyə bilərsiniz.",
        ru="Этот поставщик не проверяет счета; можно оплатить без проверки.",
    )


def account_not_found() -> Problem:
    return Problem(
        404,
        "account_not_found",
        "The provider has no such account. Check the number on your bill.",
        "Təchizatçıda belə hesab yoxdur. Qəbzdəki nömrəni yoxlayın.",
        ru="У поставщика нет такого счёта. Проверьте номер в квитанции.",
    )


def account_refused_by_provider() -> Problem:
    return Problem(
        422,
        "invalid_account",
        "The provider does not accept this account number.",
        "Təchizatçı bu hesab nömrəsini qəbul etmir.",
        ru="Поставщик не принимает этот номер счёта.",
        extra={"reason": "refused_by_provider"},
    )


def provider_unavailable(retry_after_seconds: float | None) -> Problem:
    seconds = max(1, math.ceil(retry_after_seconds or DEFAULT_RETRY_AFTER_SECONDS))
    return Problem(
        503,
        "provider_unavailable",
        "The provider is not answering right now. Please try again a little later.",
        "Təchizatçı hazırda cavab vermir. Bir az sonra yenidən cəhd edin.",
        ru="Поставщик сейчас не отвечает. Попробуйте чуть позже.",
        headers={"Retry-After": str(seconds)},
    )


def provider_timeout() -> Problem:
    return Problem(
        504,
        "provider_timeout",
        "The provider did not answer in time. Please try again.",
        "Təchizatçı vaxtında cavab vermədi. Yenidən cəhd edin.",
        ru="Поставщик не ответил вовремя. Попробуйте снова.",
    )


def provider_error(error: ProviderError) -> Problem:
    if isinstance(error, ProviderUnavailableError):
        return provider_timeout() if error.timed_out else provider_unavailable(error.retry_after)
    return Problem(
        502,
        "provider_error",
        "The provider could not answer about this account.",
        "Təchizatçı bu hesab barədə cavab verə bilmədi.",
        ru="Поставщик не смог ответить по этому счёту.",
    )

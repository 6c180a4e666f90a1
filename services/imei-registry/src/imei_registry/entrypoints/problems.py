"""imei-registry's refusals as RFC 9457 problems, each with a stable code and az/en/ru text, in one
place: `bootstrap` registers `problem_for` for every type in `REFUSALS` (`servicekit.problems.map_errors`)."""

from __future__ import annotations

from imei_registry.adapters.registry import RegistryUnavailableError
from imei_registry.domain.device_check import DeviceRefusedError
from imei_registry.domain.imei import InvalidImeiError
from imei_registry.domain.tickets import mismatch_explanation
from imei_registry.entrypoints.views import model_view, registry_contacts
from imei_registry.handlers.quotes import DeviceTypeMismatchError, ImeiAlreadyRegisteredError
from servicekit.problems import Problem

REFUSALS: tuple[type[Exception], ...] = (
    DeviceRefusedError,
    InvalidImeiError,
    DeviceTypeMismatchError,
    ImeiAlreadyRegisteredError,
    RegistryUnavailableError,
)


def problem_for(error: Exception) -> Problem:
    match error:
        case DeviceRefusedError():
            return device_refused(error)
        case InvalidImeiError():
            return invalid_imei(error)
        case DeviceTypeMismatchError():
            return type_mismatch(error)
        case ImeiAlreadyRegisteredError():
            return already_registered(error)
        case RegistryUnavailableError():
            return registry_unavailable()
    raise TypeError(f"no problem for {type(error).__name__}")  # a type added to REFUSALS only


def device_refused(error: DeviceRefusedError) -> Problem:
    text = error.explanation
    return Problem(422, error.problem.value, text.en, text.az, ru=text.ru, extra=error.details)


def invalid_imei(error: InvalidImeiError) -> Problem:
    text = error.explanation
    return Problem(
        422, "invalid_imei", text.en, text.az, ru=text.ru, extra={"problem": error.problem.value}
    )


def type_mismatch(error: DeviceTypeMismatchError) -> Problem:
    text = mismatch_explanation(error.device)
    return Problem(
        422,
        "device_type_mismatch",
        text.en,
        text.az,
        ru=text.ru,
        extra={
            "chosen": error.device.device_type.value,
            "model": model_view(error.device.model),
            "imeis": list(error.device.imeis),
            "ticket": error.ticket.offer(),
        },
    )


def already_registered(error: ImeiAlreadyRegisteredError) -> Problem:
    if error.pending:
        return Problem(
            409,
            "imei_registration_in_progress",
            f"IMEI {error.imei} is being registered already: the registry completes it within "
            "24 hours. There is nothing to pay.",
            f"IMEI {error.imei} artıq qeydiyyatdan keçirilir: reyestr bunu 24 saat ərzində "
            "tamamlayır. Ödəniş lazım deyil.",
            ru=f"IMEI {error.imei} уже регистрируется: реестр завершит это в течение 24 часов. "
            "Платить ничего не нужно.",
            extra={"imei": error.imei, "registry": registry_contacts()},
        )
    registered_at = error.registered_at.isoformat() if error.registered_at else None
    return Problem(
        409,
        "imei_already_registered",
        f"IMEI {error.imei} is already registered: there is nothing to pay. If the phone has no "
        "network, switch it off and on; for questions about the registry, see imei.az or call 157.",
        f"IMEI {error.imei} artıq qeydiyyatdadır: ödəniş lazım deyil. Telefonda şəbəkə yoxdursa, "
        "onu söndürüb yandırın; reyestr barədə suallar üçün imei.az və ya 157.",
        ru=f"IMEI {error.imei} уже зарегистрирован: платить ничего не нужно. Если в телефоне нет "
        "сети, выключите и включите его; по вопросам о реестре — imei.az или 157.",
        extra={"imei": error.imei, "registered_at": registered_at, "registry": registry_contacts()},
    )


def registry_unavailable() -> Problem:
    return Problem(
        503,
        "registry_unavailable",
        "The MCQS registry is not answering right now, so we cannot check the IMEI. Nothing was "
        "charged; try again in a minute.",
        "MCQS reyestri hazırda cavab vermir, ona görə IMEI-ni yoxlaya bilmirik. Heç nə "
        "tutulmayıb; bir dəqiqədən sonra yenidən cəhd edin.",
        ru="Реестр MCQS сейчас не отвечает, поэтому мы не можем проверить IMEI. Ничего не "
        "списано; повторите попытку через минуту.",
        headers={"Retry-After": "30"},
    )


def quote_not_found() -> Problem:
    return Problem(
        404,
        "quote_not_found",
        "There is no such quote.",
        "Belə hesablama yoxdur.",
        ru="Такого расчёта нет.",
    )

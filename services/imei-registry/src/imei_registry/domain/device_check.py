"""What the customer typed about a device, checked: its IMEIs, their count, its model, its type."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from imei_registry.domain.devices import (
    DeviceModel,
    DeviceType,
    TacDirectory,
    TypeCheck,
    check_type,
)
from imei_registry.domain.imei import InvalidImeiError, normalise_imei, tac_of
from imei_registry.domain.text import Bilingual


class DeviceProblem(StrEnum):
    INVALID_IMEI = "invalid_imei"
    IMEI_COUNT = "imei_count_mismatch"
    SAME_IMEI_TWICE = "same_imei_twice"


class DeviceRefusedError(ValueError):
    """The IMEIs cannot describe the chosen device; `details` says which and why."""

    def __init__(
        self,
        problem: DeviceProblem,
        explanation: Bilingual,
        details: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(f"{problem}: {explanation.en}")
        self.problem = problem
        self.explanation = explanation
        self.details = dict(details or {})


@dataclass(frozen=True)
class Notice:
    """Something the customer should look at, that does not stop the quote."""

    code: str
    message: Bilingual


@dataclass(frozen=True)
class Device:
    device_type: DeviceType
    imeis: tuple[str, ...]
    model: DeviceModel | None
    type_check: TypeCheck
    notices: tuple[Notice, ...] = field(default=())


def identify_device(
    device_type: DeviceType, typed_imeis: Sequence[str], directory: TacDirectory
) -> Device:
    """Every IMEI valid, as many as the type has SIM slots, different from each other."""
    imeis: list[str] = []
    errors: list[dict[str, Any]] = []
    for index, typed in enumerate(typed_imeis):
        try:
            imeis.append(normalise_imei(typed))
        except InvalidImeiError as error:
            errors.append(
                {
                    "field": f"imeis.{index}",
                    "problem": error.problem.value,
                    "message": error.explanation.as_dict(),
                }
            )
    if errors:
        first = errors[0]["message"]
        raise DeviceRefusedError(
            DeviceProblem.INVALID_IMEI,
            Bilingual(first["az"], first["en"], first.get("ru", "")),
            {"errors": errors},
        )
    if len(imeis) != device_type.sim_slots:
        raise DeviceRefusedError(DeviceProblem.IMEI_COUNT, _count_message(device_type))
    if len(set(imeis)) != len(imeis):
        raise DeviceRefusedError(DeviceProblem.SAME_IMEI_TWICE, _SAME_TWICE)
    model = directory.model_of(imeis)
    return Device(
        device_type, tuple(imeis), model, check_type(device_type, model), _notices(imeis, model)
    )


def _notices(imeis: list[str], model: DeviceModel | None) -> tuple[Notice, ...]:
    notices: list[Notice] = []
    tacs = [tac_of(imei) for imei in imeis]
    if len(set(tacs)) > 1:
        notices.append(Notice("different_tacs", _different_tacs(tacs[0], tacs[1])))
    if model is None:
        notices.append(Notice("model_not_in_catalogue", _unknown_model(tacs[0])))
    return tuple(notices)


def _count_message(device_type: DeviceType) -> Bilingual:
    if device_type is DeviceType.DUOS:
        return Bilingual(
            az="Duos (iki SIM-kartlı) cihazın iki IMEI-si var: *#06# ikisini də göstərir. "
            "Hər ikisini daxil edin.",
            en="A duos (dual-SIM) device has two IMEIs: *#06# shows both. Enter both.",
            ru="У устройства Duos (две SIM-карты) два IMEI: *#06# показывает оба. Введите оба.",
        )
    return Bilingual(
        az="Tək SIM-kartlı cihazın bir IMEI-si var. *#06# iki IMEI göstərirsə, Duos seçin.",
        en="A single-SIM device has one IMEI. If *#06# shows two, choose Duos.",
        ru="У устройства с одной SIM-картой один IMEI. Если *#06# показывает два, выберите Duos.",
    )


_SAME_TWICE = Bilingual(
    az="Duos cihazın iki fərqli IMEI-si olur; eyni nömrə iki dəfə yazılıb. "
    "*#06# göstərən ikinci IMEI-ni daxil edin.",
    en="A duos device has two different IMEIs; the same one was entered twice. "
    "Enter the second IMEI that *#06# shows.",
    ru="У устройства Duos два разных IMEI; один и тот же номер введён дважды. "
    "Введите второй IMEI, который показывает *#06#.",
)


def _different_tacs(first: str, second: str) -> Bilingual:
    return Bilingual(
        az=f"İki IMEI-nin ilk 8 rəqəmi (TAC) fərqlidir: {first} və {second}. Adətən bir "
        "telefonun IMEI-lərində bu hissə eyni olur: hər ikisinin eyni telefondan olduğunu yoxlayın.",
        en=f"The two IMEIs start with different TACs (first 8 digits): {first} and {second}. "
        "One phone's IMEIs usually share it: check both are from the same phone.",
        ru=f"Первые 8 цифр (TAC) двух IMEI различаются: {first} и {second}. Обычно у IMEI одного "
        "телефона они совпадают: проверьте, что оба с одного телефона.",
    )


def _unknown_model(tac: str) -> Bilingual:
    return Bilingual(
        az=f"Bu model (TAC {tac}) kataloqumuzda yoxdur: kataloqda olmayan model rüsumu tətbiq "
        "olunur və cihaz növünü (tək/duos) yoxlaya bilmirik.",
        en=f"This model (TAC {tac}) is not in our catalogue: the fee for a model not in the "
        "catalogue applies, and the single/duos choice cannot be checked.",
        ru=f"Этой модели (TAC {tac}) нет в нашем каталоге: применяется пошлина для модели вне "
        "каталога, а выбор одна SIM / Duos проверить нельзя.",
    )

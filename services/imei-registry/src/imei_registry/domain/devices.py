"""Device models by TAC, the single/duos choice, and the check of one against the other."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import assert_never

from imei_registry.domain.fees import PriceBand
from imei_registry.domain.imei import tac_of


class DeviceType(StrEnum):
    """What the customer chose: a phone with one SIM slot (one IMEI) or two ("duos")."""

    SINGLE = "single"
    DUOS = "duos"

    @property
    def sim_slots(self) -> int:
        match self:
            case DeviceType.SINGLE:
                return 1
            case DeviceType.DUOS:
                return 2
            case unreachable:
                assert_never(unreachable)

    @classmethod
    def with_slots(cls, slots: int) -> DeviceType:
        return cls.SINGLE if slots == 1 else cls.DUOS


@dataclass(frozen=True)
class DeviceModel:
    tac: str
    brand: str
    model: str
    sim_slots: int
    band: PriceBand
    synthetic: bool  # not from the Osmocom database: made up for tests and demos, and marked so

    @property
    def name(self) -> str:
        return f"{self.brand} {self.model}"


class TypeCheck(StrEnum):
    MATCHES = "matches"
    MISMATCH = "mismatch"
    MODEL_UNKNOWN = "model_unknown"  # the model is not in the catalogue: nothing to check against


class TacDirectory:
    """TAC → model, from the data files shipped with the service."""

    def __init__(self, models: Iterable[DeviceModel]) -> None:
        self._by_tac: dict[str, DeviceModel] = {}
        for model in models:
            if model.tac in self._by_tac:
                raise ValueError(f"TAC {model.tac} appears twice")
            if len(model.tac) != 8 or not model.tac.isdigit():
                raise ValueError(f"TAC {model.tac!r} is not 8 digits")
            if model.sim_slots not in (1, 2):
                raise ValueError(f"TAC {model.tac}: SIM slots must be 1 or 2")
            self._by_tac[model.tac] = model

    def model_of(self, imeis: Iterable[str]) -> DeviceModel | None:
        """The model of the first IMEI whose TAC is known."""
        for imei in imeis:
            found = self._by_tac.get(tac_of(imei))
            if found is not None:
                return found
        return None

    def __len__(self) -> int:
        return len(self._by_tac)

    def __iter__(self) -> Iterator[DeviceModel]:
        return iter(self._by_tac.values())


def check_type(chosen: DeviceType, model: DeviceModel | None) -> TypeCheck:
    if model is None:
        return TypeCheck.MODEL_UNKNOWN
    return TypeCheck.MATCHES if chosen.sim_slots == model.sim_slots else TypeCheck.MISMATCH

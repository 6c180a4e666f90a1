"""The MCQS state fee: bands by the device's market price, in schedules that take effect on a date.

The amounts are data (`data/fees.toml`); this module only chooses the schedule in force on a day
and the band's amount in it. A duos pays the same as a single: the fee depends on the model only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from imei_registry.domain.text import Bilingual


class PriceBand(StrEnum):
    """The device's market price band, as the law words it."""

    BASIC = "basic"  # ≤ $100, without internet, photo or video
    UP_TO_100 = "up_to_100"
    FROM_101_TO_200 = "101_200"
    FROM_201_TO_400 = "201_400"
    FROM_401_TO_700 = "401_700"
    FROM_701_TO_1000 = "701_1000"
    OVER_1000 = "over_1000"
    NOT_IN_CATALOGUE = "not_in_catalogue"


@dataclass(frozen=True)
class FeeSchedule:
    effective_from: date
    legal_basis: Bilingual
    fees_qepik: Mapping[PriceBand, int]


@dataclass(frozen=True)
class Fee:
    band: PriceBand
    amount_qepik: int
    effective_from: date
    legal_basis: Bilingual


class FeeTableError(ValueError):
    """The fee data is incomplete or contradicts itself."""


class NoFeeScheduleError(LookupError):
    """No schedule was in force on the day asked about."""


class FeeTable:
    """Every schedule, the newest first; a band's fee on a day comes from the schedule in force."""

    def __init__(self, schedules: Iterable[FeeSchedule]) -> None:
        self._schedules = sorted(schedules, key=lambda item: item.effective_from, reverse=True)
        if not self._schedules:
            raise FeeTableError("no fee schedule")
        starts = [schedule.effective_from for schedule in self._schedules]
        if len(set(starts)) != len(starts):
            raise FeeTableError("two schedules take effect on the same day")
        for schedule in self._schedules:
            missing = set(PriceBand) - set(schedule.fees_qepik)
            if missing:
                raise FeeTableError(f"{schedule.effective_from}: no fee for {sorted(missing)}")
            if any(amount <= 0 for amount in schedule.fees_qepik.values()):
                raise FeeTableError(f"{schedule.effective_from}: fees must be positive")

    def in_force(self, day: date) -> FeeSchedule:
        for schedule in self._schedules:
            if schedule.effective_from <= day:
                return schedule
        raise NoFeeScheduleError(f"no fee schedule in force on {day}")

    def fee(self, band: PriceBand, day: date) -> Fee:
        schedule = self.in_force(day)
        return Fee(band, schedule.fees_qepik[band], schedule.effective_from, schedule.legal_basis)

    @property
    def schedules(self) -> tuple[FeeSchedule, ...]:
        return tuple(self._schedules)

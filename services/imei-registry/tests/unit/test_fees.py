"""The fee: by the model's band, from the schedule in force on the (Baku) day, same for duos."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from imei_registry.adapters.data import DataFileError, load_fee_table
from imei_registry.domain.device_check import identify_device
from imei_registry.domain.devices import DeviceType, TacDirectory
from imei_registry.domain.fees import FeeTable, NoFeeScheduleError, PriceBand
from imei_registry.domain.quote import price_quote

from .imeis import NOKIA_105, REDMI_NOTE_13, UNKNOWN_TAC, imei

CURRENT_AZN = {
    PriceBand.BASIC: 15,
    PriceBand.UP_TO_100: 20,
    PriceBand.FROM_101_TO_200: 30,
    PriceBand.FROM_201_TO_400: 40,
    PriceBand.FROM_401_TO_700: 50,
    PriceBand.FROM_701_TO_1000: 70,
    PriceBand.OVER_1000: 100,
    PriceBand.NOT_IN_CATALOGUE: 15,
}
HISTORY_AZN = dict(zip(CURRENT_AZN, (20, 30, 50, 60, 70, 100, 150, 20), strict=True))


@pytest.mark.parametrize("band", list(PriceBand))
def test_the_current_bands_apply_from_14_december_2023(fees: FeeTable, band: PriceBand) -> None:
    assert fees.fee(band, date(2023, 12, 14)).amount_qepik == CURRENT_AZN[band] * 100
    assert fees.fee(band, date(2023, 12, 13)).amount_qepik == HISTORY_AZN[band] * 100


def test_each_schedule_names_its_legal_basis(fees: FeeTable) -> None:
    assert "336" in fees.fee(PriceBand.BASIC, date(2019, 1, 1)).legal_basis.en
    current = fees.fee(PriceBand.BASIC, date(2026, 1, 1)).legal_basis
    assert "On State Duty" in current.en and "Dövlət rüsumu" in current.az


def test_no_fee_before_the_first_schedule(fees: FeeTable) -> None:
    with pytest.raises(NoFeeScheduleError):
        fees.fee(PriceBand.BASIC, date(2013, 5, 1))


def quote_at(fees: FeeTable, directory: TacDirectory, moment: datetime, *imeis: str) -> int:
    kind = DeviceType.DUOS if len(imeis) == 2 else DeviceType.SINGLE
    device = identify_device(kind, list(imeis), directory)
    return price_quote("qte_x", device, fees, None, moment, timedelta(hours=1)).fee.amount_qepik


def test_a_duos_pays_what_a_single_of_the_same_band_pays(
    fees: FeeTable, directory: TacDirectory
) -> None:
    now = datetime(2025, 6, 1, tzinfo=UTC)
    duos = quote_at(fees, directory, now, imei(REDMI_NOTE_13, 1), imei(REDMI_NOTE_13, 2))
    assert duos == 4000
    assert quote_at(fees, directory, now, imei(NOKIA_105, 1)) == 1500  # basic phone
    assert quote_at(fees, directory, now, imei(UNKNOWN_TAC, 1)) == 1500  # not in catalogue


def test_the_schedule_changes_at_midnight_in_baku_not_in_utc(
    fees: FeeTable, directory: TacDirectory
) -> None:
    device = imei(REDMI_NOTE_13, 1), imei(REDMI_NOTE_13, 2)
    before = datetime(2023, 12, 13, 19, 59, tzinfo=UTC)  # 23:59 in Baku
    after = datetime(2023, 12, 13, 20, 0, tzinfo=UTC)  # 00:00 on the 14th in Baku
    assert quote_at(fees, directory, before, *device) == 6000
    assert quote_at(fees, directory, after, *device) == 4000


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("", "no fee schedule"),
        (
            '[[schedules]]\neffective_from = 2020-01-01\nlegal_basis = { az = "a", en = "b", ru = "в" }\n'
            "fees_qepik = { basic = 100 }\n",
            "no fee for",
        ),
        ('[[schedules]]\neffective_from = "soon"\n', "bad schedule"),
        (
            '[[schedules]]\neffective_from = 2020-01-01\nlegal_basis = { az = "a", en = "b" }\n'
            "fees_qepik = { cheap = 100 }\n",
            "bad schedule",
        ),
    ],
)
def test_a_broken_fee_file_is_refused_with_the_reason(text: str, complaint: str) -> None:
    with pytest.raises(DataFileError, match=complaint):
        load_fee_table(text)

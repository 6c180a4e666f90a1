"""Reads the data shipped in `imei_registry/data`: TAC files, model attributes, fee schedules.

A broken file stops the service at start-up with the reason, rather than quoting wrong fees.
"""

from __future__ import annotations

import csv
import io
import tomllib
from datetime import date
from importlib import resources
from typing import Any

from imei_registry.domain.devices import DeviceModel, TacDirectory
from imei_registry.domain.fees import FeeSchedule, FeeTable, FeeTableError, PriceBand
from imei_registry.domain.text import Bilingual

PACKAGE = "imei_registry"
TAC_FILES = {"tacdb.csv": False, "tacdb-synthetic.csv": True}  # file → its rows are synthetic
HEADER_LINES = 2  # the licence line, then the column names


class DataFileError(ValueError):
    """A data file is missing something or contradicts another; the message says where."""


def _read(name: str) -> str:
    return resources.files(PACKAGE).joinpath("data", name).read_text(encoding="utf-8")


def tac_rows(text: str) -> list[tuple[str, str, str]]:
    """(TAC, brand, model) of each row, read by position after the two header lines."""
    rows = list(csv.reader(io.StringIO(text)))[HEADER_LINES:]
    return [(row[0].strip(), row[1].strip(), row[2].strip()) for row in rows if row]


def load_directory() -> TacDirectory:
    attributes = _model_attributes(tomllib.loads(_read("models.toml")))
    models: list[DeviceModel] = []
    named: set[tuple[str, str]] = set()
    for file_name, synthetic in TAC_FILES.items():
        for tac, brand, model in tac_rows(_read(file_name)):
            if (brand, model) not in attributes:
                raise DataFileError(f"{file_name}: {brand} {model} has no entry in models.toml")
            slots, band = attributes[brand, model]
            named.add((brand, model))
            models.append(DeviceModel(tac, brand, model, slots, band, synthetic))
    unused = sorted(set(attributes) - named)
    if unused:
        raise DataFileError(f"models.toml: no TAC names {unused}")
    try:
        return TacDirectory(models)
    except ValueError as error:
        raise DataFileError(str(error)) from error


def _model_attributes(raw: dict[str, Any]) -> dict[tuple[str, str], tuple[int, PriceBand]]:
    found: dict[tuple[str, str], tuple[int, PriceBand]] = {}
    for entry in raw.get("models", []):
        try:
            key = (str(entry["brand"]), str(entry["model"]))
            found[key] = (int(entry["sim_slots"]), PriceBand(entry["band"]))
        except (KeyError, ValueError) as error:
            raise DataFileError(f"models.toml: bad entry {entry!r}: {error}") from error
    return found


def load_fee_table(text: str | None = None) -> FeeTable:
    raw = tomllib.loads(text if text is not None else _read("fees.toml"))
    schedules: list[FeeSchedule] = []
    for entry in raw.get("schedules", []):
        try:
            effective = entry["effective_from"]
            if not isinstance(effective, date):
                raise ValueError("effective_from must be a date")
            basis = entry["legal_basis"]
            schedules.append(
                FeeSchedule(
                    effective_from=effective,
                    legal_basis=Bilingual(
                        az=str(basis["az"]), en=str(basis["en"]), ru=str(basis["ru"])
                    ),
                    fees_qepik={PriceBand(band): int(q) for band, q in entry["fees_qepik"].items()},
                )
            )
        except (KeyError, ValueError, TypeError) as error:
            raise DataFileError(f"fees.toml: bad schedule: {error}") from error
    try:
        return FeeTable(schedules)
    except FeeTableError as error:
        raise DataFileError(f"fees.toml: {error}") from error

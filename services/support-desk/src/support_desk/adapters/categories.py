"""Reads the packaged SLA table (`data/categories.toml`)."""

from __future__ import annotations

import tomllib
from importlib.resources import files

from support_desk.domain.sla import SlaTable


def load_sla_table() -> SlaTable:
    text = files("support_desk.data").joinpath("categories.toml").read_text(encoding="utf-8")
    return SlaTable.from_data(tomllib.loads(text))

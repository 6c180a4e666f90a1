"""Fixtures of imei-registry's unit tests: the packaged data, loaded once, and IMEIs made from it."""

from __future__ import annotations

import pytest

from imei_registry.adapters.data import load_directory, load_fee_table
from imei_registry.domain.devices import TacDirectory
from imei_registry.domain.fees import FeeTable


@pytest.fixture(scope="session")
def directory() -> TacDirectory:
    return load_directory()


@pytest.fixture(scope="session")
def fees() -> FeeTable:
    return load_fee_table()

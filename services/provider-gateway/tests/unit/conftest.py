"""Fixtures of provider-gateway's unit tests: the packaged catalog, loaded once."""

from __future__ import annotations

import pytest

from provider_gateway.catalog.loader import load_catalog
from provider_gateway.domain.catalog import Catalog


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()

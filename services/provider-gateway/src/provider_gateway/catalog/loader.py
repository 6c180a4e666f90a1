"""Reads the catalog data file, resolves its shared account fields and validates the whole."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from provider_gateway.domain.catalog import Catalog

DATA_FILE = "services.toml"


class CatalogError(ValueError):
    """The catalog file is broken; the message says where, so the service refuses to start."""


def load_catalog(path: Path | None = None) -> Catalog:
    """The packaged catalog, or the one at `path` (an operator's replacement)."""
    if path is None:
        text = resources.files(__package__).joinpath(DATA_FILE).read_text(encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    return parse_catalog(text)


def parse_catalog(text: str) -> Catalog:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CatalogError(f"catalog is not valid TOML: {error}") from error
    shared = raw.pop("account_fields", {})
    for service in raw.get("services", []):
        _resolve_account(service, shared)
    try:
        return Catalog.model_validate(raw)
    except ValidationError as error:
        raise CatalogError(f"catalog refused: {error}") from error


def _resolve_account(service: dict[str, Any], shared: dict[str, Any]) -> None:
    """`account = "name"` stands for the shared field of that name."""
    reference = service.get("account")
    if not isinstance(reference, str):
        return
    if reference not in shared:
        raise CatalogError(f"{service.get('id')}: no shared account field named {reference!r}")
    service["account"] = shared[reference]

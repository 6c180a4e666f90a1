"""Each service (found under services/, so a new one is checked too) refuses to start outside
development with any secret left at its development default, and names the one to set."""

from __future__ import annotations

import importlib
import os
import secrets
from pathlib import Path

import pytest
from pydantic import SecretStr, ValidationError

from devstack.paths import repo_root
from servicekit.settings import ServiceSettings


def service_settings() -> list[type[ServiceSettings]]:
    found = []
    for config in sorted(repo_root().glob("services/*/src/*/config.py")):
        module = importlib.import_module(f"{config.parent.name}.{config.stem}")
        found.append(module.Settings)
    return found


def secret_fields(settings: type[ServiceSettings]) -> list[str]:
    return [name for name, field in settings.model_fields.items() if field.annotation is SecretStr]


SETTINGS = service_settings()


@pytest.fixture(autouse=True)
def no_portal_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [name for name in os.environ if name.startswith("PORTAL_")]:
        monkeypatch.delenv(name)


def test_every_service_is_found_with_its_secrets() -> None:
    names = {Path(settings.__module__.replace(".", "/")).parts[0] for settings in SETTINGS}
    assert {"checkout", "support_desk", "reconciler", "imei_registry"} <= names
    assert all(secret_fields(settings) for settings in SETTINGS)


@pytest.mark.parametrize("settings", SETTINGS, ids=lambda settings: settings.__module__)
@pytest.mark.parametrize("environment", ["production", "test"])
def test_a_default_secret_is_refused_outside_development(
    settings: type[ServiceSettings], environment: str
) -> None:
    fields = secret_fields(settings)
    chosen = {name: SecretStr(secrets.token_hex(16)) for name in fields}
    settings(environment=environment, **chosen)  # every secret chosen: it starts
    for left in fields:
        with pytest.raises(ValidationError, match=f"PORTAL_{left.upper()}"):
            settings(environment=environment, **{k: v for k, v in chosen.items() if k != left})


@pytest.mark.parametrize("settings", SETTINGS, ids=lambda settings: settings.__module__)
def test_development_starts_with_the_defaults(settings: type[ServiceSettings]) -> None:
    assert settings(environment="development").environment == "development"

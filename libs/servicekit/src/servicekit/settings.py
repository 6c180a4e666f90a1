"""Typed settings every service shares; default secrets are refused outside development."""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from pydantic import SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEVELOPMENT_SECRET_PREFIX = "dev-only-"


class Environment(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class ServiceSettings(BaseSettings):
    """Read from `PORTAL_*` environment variables; each service adds its own fields."""

    model_config = SettingsConfigDict(env_prefix="PORTAL_", extra="ignore", frozen=True)

    environment: Environment = Environment.DEVELOPMENT
    service_name: str = "service"
    http_host: str = "127.0.0.1"
    http_port: int = 8000
    mongo_url: str = "mongodb://127.0.0.1:27017"
    database: str = ""
    kafka_bootstrap: str = "127.0.0.1:9092"
    log_level: str = "INFO"
    outbox_sweep_seconds: float = 2.0

    @property
    def database_name(self) -> str:
        return self.database or self.service_name.replace("-", "_")

    @model_validator(mode="after")
    def _refuse_default_secrets(self) -> Self:
        if self.environment is Environment.DEVELOPMENT:
            return self
        for name, value in self:
            if isinstance(value, SecretStr) and value.get_secret_value().startswith(
                DEVELOPMENT_SECRET_PREFIX
            ):
                raise ValueError(
                    f"{name} still has its development default; set PORTAL_{name.upper()}"
                )
        return self

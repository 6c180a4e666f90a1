"""Settings of the reconciler, read from PORTAL_* environment variables."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PORTAL_", extra="ignore", frozen=True)

    service_name: str = "reconciler"
    kafka_bootstrap: str = "127.0.0.1:9092"
    http_host: str = "127.0.0.1"
    http_port: int = 8105
    data_dir: str = ".cache/reconciler"
    activation_deadline_seconds: float = 600.0

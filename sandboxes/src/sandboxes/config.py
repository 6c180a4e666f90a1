"""Settings of the sandboxes process, from PORTAL_SANDBOX_* environment variables."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict


class SandboxSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PORTAL_SANDBOX_", extra="ignore", frozen=True)

    http_port: int = 8200
    smtp_host: str = "127.0.0.1"  # 0.0.0.0 inside a container
    smtp_port: int = 2525

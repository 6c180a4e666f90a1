"""Settings of the MCQS sandbox, from PORTAL_* variables shared with imei-registry."""

from __future__ import annotations

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class McqsSandboxSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PORTAL_", extra="ignore", frozen=True)

    mcqs_secret: SecretStr = SecretStr("dev-only-mcqs-secret")
    # The registry completes a registration within 24 hours of payment; tests make it seconds.
    mcqs_completion_seconds: float = 86_400.0
    signature_window_seconds: float = 300.0

"""Settings of the providers sandbox, from PORTAL_* variables shared with provider-gateway."""

from __future__ import annotations

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class ProviderSandboxSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PORTAL_", extra="ignore", frozen=True)

    provider_secret: SecretStr = SecretStr("dev-only-provider-secret")
    # How far a request's X-Timestamp may be from the provider's clock, either way.
    signature_window_seconds: float = 300.0
    # The `timeouts` fault hangs longer than any sane client waits (QIWI allows 60 s).
    hang_seconds: float = 65.0

"""Settings of the bank sandbox: the secrets it shares with checkout and its public address."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class BankSettings(BaseSettings):
    """Read from `PORTAL_BANK_*` (shared with checkout) and `PORTAL_SANDBOX_URL`."""

    model_config = SettingsConfigDict(
        env_prefix="PORTAL_BANK_", extra="ignore", frozen=True, populate_by_name=True
    )

    merchant_secret: str = "dev-only-bank-merchant-secret"
    callback_secret: str = "dev-only-bank-callback-secret"
    session_seconds: int = Field(default=900, gt=0)
    # Where browsers reach the sandboxes process; `payment_page_url` is built from it.
    sandbox_url: str = Field(default="http://127.0.0.1:8200", validation_alias="PORTAL_SANDBOX_URL")

    @property
    def bank_url(self) -> str:
        return f"{self.sandbox_url.rstrip('/')}/bank"

"""Settings of the reconciler, read from PORTAL_* environment variables."""

from __future__ import annotations

from datetime import timedelta

from pydantic import Field, SecretStr

from reconciler.domain.kinds import Deadlines
from servicekit.settings import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "reconciler"
    http_port: int = 8105
    data_dir: str = ".cache/reconciler"
    # How long a debited payment may wait for its activation (or refund) before it is a mismatch.
    reconciliation_deadline_seconds: float = Field(default=600.0, gt=0)
    # How long the bank may take to confirm a refund we asked for before a person must look.
    # Checkout asks again every few seconds, so an hour of silence is an outage, not a queue.
    refund_deadline_seconds: float = Field(default=3600.0, gt=0)
    # How often the timer looks for payments whose deadline has come.
    reconciliation_sweep_seconds: float = Field(default=1.0, gt=0)
    # A quiet, settled payment is dropped from the table after this long.
    reconciliation_forget_after_seconds: float = Field(default=14 * 24 * 3600.0, gt=0)
    bank_url: str = "http://127.0.0.1:8200/bank"
    bank_merchant_secret: SecretStr = SecretStr("dev-only-bank-merchant-secret")
    bank_timeout_seconds: float = Field(default=10.0, gt=0)
    providers_url: str = "http://127.0.0.1:8200/providers"
    provider_secret: SecretStr = SecretStr("dev-only-provider-secret")
    # Where the three-way job writes its daily report (CSV).
    report_dir: str = "var/reports"

    @property
    def deadlines(self) -> Deadlines:
        return Deadlines(
            activation=timedelta(seconds=self.reconciliation_deadline_seconds),
            refund=timedelta(seconds=self.refund_deadline_seconds),
        )

    @property
    def forget_after(self) -> timedelta:
        return timedelta(seconds=self.reconciliation_forget_after_seconds)

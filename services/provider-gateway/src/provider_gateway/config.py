"""Settings of provider-gateway, read from PORTAL_* environment variables."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pydantic import Field, PositiveFloat, SecretStr

from provider_gateway.domain.calls import RetryPolicy
from provider_gateway.domain.schedule import CheckSchedule
from servicekit.settings import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "provider-gateway"
    http_port: int = 8102

    providers_url: str = "http://127.0.0.1:8200/providers"
    provider_secret: SecretStr = SecretStr("dev-only-provider-secret")
    provider_timeout_seconds: float = Field(default=10.0, gt=0, le=60)
    # Another catalog file in place of the packaged one (an operator's edit without a release).
    catalog_path: Path | None = None

    # How long an activation keeps trying before it fails for good, and how it backs off.
    activation_deadline_seconds: float = Field(default=300.0, gt=0)
    backoff_initial_seconds: float = Field(default=0.5, gt=0)
    backoff_max_seconds: float = Field(default=30.0, gt=0)

    # An outcome still unknown at the deadline is asked about again after each of these waits
    # (1 min, 5 min, 30 min, 2 h, 12 h, 24 h); after the last a person decides. Never refunded.
    unknown_check_schedule_seconds: tuple[PositiveFloat, ...] = Field(
        default=(60, 300, 1800, 7200, 43200, 86400), min_length=1
    )
    unknown_sweep_seconds: float = Field(default=2.0, gt=0)  # how often due checks are looked for

    # After this many unavailable answers in a row a provider rests for the cool-down.
    breaker_failure_threshold: int = Field(default=5, ge=1)
    breaker_cooldown_seconds: float = Field(default=30.0, gt=0)

    @property
    def retry_policy(self) -> RetryPolicy:
        return RetryPolicy(
            deadline=timedelta(seconds=self.activation_deadline_seconds),
            initial_backoff_seconds=self.backoff_initial_seconds,
            max_backoff_seconds=self.backoff_max_seconds,
        )

    @property
    def unknown_check_schedule(self) -> CheckSchedule:
        return CheckSchedule(self.unknown_check_schedule_seconds)

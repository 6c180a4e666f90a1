"""Settings of imei-registry, read from PORTAL_* environment variables."""

from __future__ import annotations

from pydantic import SecretStr

from servicekit.settings import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "imei-registry"
    http_port: int = 8103
    mcqs_url: str = "http://127.0.0.1:8200/mcqs"
    mcqs_secret: SecretStr = SecretStr("dev-only-mcqs-secret")
    mcqs_timeout_seconds: float = 10.0
    # A quote keeps its fee this long; a payment debited later is refunded.
    quote_seconds: int = 86_400
    # How long after the debit the registry may stay unreachable before the payment is refunded.
    submit_deadline_seconds: float = 3_600.0
    # Calls to the registry after a failure, and polls of a pending registration: the first wait,
    # doubling up to the longest.
    registry_retry_seconds: float = 1.0
    registry_retry_max_seconds: float = 600.0
    registry_sweep_seconds: float = 1.0
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 2525
    mail_from: str = "SmartPay <no-reply@portal.local>"

"""Settings of checkout, read from PORTAL_* environment variables."""

from __future__ import annotations

from pydantic import SecretStr

from servicekit.settings import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "checkout"
    http_port: int = 8101
    public_url: str = "http://127.0.0.1:8080"
    callback_url: str = "http://127.0.0.1:8101/api/payments/bank-callbacks"
    catalog_url: str = "http://127.0.0.1:8102"
    bank_url: str = "http://127.0.0.1:8200/bank"
    bank_merchant_secret: SecretStr = SecretStr("dev-only-bank-merchant-secret")
    bank_callback_secret: SecretStr = SecretStr("dev-only-bank-callback-secret")
    bank_session_seconds: int = 900
    expiry_grace_seconds: float = 5.0
    maintenance_seconds: float = 1.0
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 2525
    mail_from: str = "SmartPay <no-reply@portal.local>"

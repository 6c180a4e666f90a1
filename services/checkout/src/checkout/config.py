"""Settings of checkout, read from PORTAL_* environment variables."""

from __future__ import annotations

from servicekit.settings import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "checkout"
    http_port: int = 8101

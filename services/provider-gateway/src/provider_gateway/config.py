"""Settings of provider-gateway, read from PORTAL_* environment variables."""

from __future__ import annotations

from servicekit.settings import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "provider-gateway"
    http_port: int = 8102

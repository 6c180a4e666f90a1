"""Settings of imei-registry, read from PORTAL_* environment variables."""

from __future__ import annotations

from servicekit.settings import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "imei-registry"
    http_port: int = 8103

"""Where the stack is: by default what `make run` starts (devstack's fixed ports)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

DEFAULT_KAFKA: Final = "127.0.0.1:19092"
DEFAULT_MONGO: Final = "mongodb://127.0.0.1:27018/"
DEFAULT_GATEWAY: Final = "http://127.0.0.1:8080"
DEFAULT_TIMEOUT: Final = 5.0

# Each service's database and the collections whose documents carry an outbox.
SERVICE_DATABASES: Final[dict[str, tuple[str, ...]]] = {
    "checkout": ("payments",),
    "provider_gateway": ("activations",),
    "imei_registry": ("registrations",),
    "support_desk": ("tickets",),
}


@dataclass(frozen=True)
class Endpoints:
    kafka: str = DEFAULT_KAFKA
    mongo: str = DEFAULT_MONGO
    gateway: str = DEFAULT_GATEWAY
    timeout: float = DEFAULT_TIMEOUT  # seconds to wait for a server that does not answer

"""Ports: fixed ones for `make run`, free ones for each test session so the two never collide."""

from __future__ import annotations

import socket
from contextlib import ExitStack
from dataclasses import dataclass, fields


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def port_is_open(port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout):
            return True
    except OSError:
        return False


HTTP_SERVICES = ("checkout", "provider_gateway", "imei_registry", "support_desk", "ops_desk")


@dataclass(frozen=True)
class StackPorts:
    gateway: int = 8080
    kafka: int = 19092
    kafka_controller: int = 19093
    mongo: int = 27018
    postgres: int = 5433  # not 5432: a system PostgreSQL may be there
    checkout: int = 8101
    provider_gateway: int = 8102
    imei_registry: int = 8103
    support_desk: int = 8104
    reconciler: int = 8105
    sandboxes: int = 8200
    smtp: int = 2525
    ops_desk: int = 8106

    @classmethod
    def free(cls) -> StackPorts:
        """Distinct free ports: all are held open together while they are chosen."""
        with ExitStack() as held:
            probes = [held.enter_context(socket.socket()) for _ in fields(cls)]
            for probe in probes:
                probe.bind(("127.0.0.1", 0))
            ports = [int(probe.getsockname()[1]) for probe in probes]
        return cls(**{item.name: port for item, port in zip(fields(cls), ports, strict=True)})

    def replicated(self, replicas: int, *, fixed: bool) -> dict[str, tuple[int, ...]]:
        """Each HTTP service's ports, one per replica. The first is the service's own port; the
        others are ten apart for `make run` (checkout 8101, 8111, …), free ones for a test run."""
        ports = {}
        for name in HTTP_SERVICES:
            base = getattr(self, name)
            extra = [base + 10 * k if fixed else free_port() for k in range(1, replicas)]
            ports[name] = (base, *extra)
        return ports

    def busy(self) -> list[str]:
        return [item.name for item in fields(self) if port_is_open(getattr(self, item.name), 0.2)]

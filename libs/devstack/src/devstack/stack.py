"""The whole local system as child processes: database, broker, sandboxes, services, gateway."""

from __future__ import annotations

import asyncio
import signal
import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from devstack.applications import (
    FASTAPI_SERVICES,
    callback_base,
    python_service,
    reconciler_process,
    sandboxes_process,
)
from devstack.apps import http_ok
from devstack.ferretdb import ensure_ferretdb_binary, ferretdb_command
from devstack.gateway import gateway_command, render_gateway_config
from devstack.infra import ExternalInfrastructure
from devstack.kafka import ensure_kafka_jars, kafka_is_ready, prepare_kafka
from devstack.mongo_wire import mongo_wire_is_ready
from devstack.paths import cache_dir, repo_root
from devstack.ports import StackPorts
from devstack.postgres import PostgresCluster, server_account
from devstack.processes import ManagedProcess
from reconciler.topics import INTERNAL_TOPICS as RECONCILER_TOPICS
from servicekit.kafka import ensure_topics

INFRASTRUCTURE_TIMEOUT = 90.0
INFRASTRUCTURE = ("postgres", "kafka", "ferretdb")
SERVICE_TIMEOUT = 45.0


@dataclass
class Stack:
    """Start order matters: the database and broker first, the gateway last."""

    state_dir: Path
    ports: StackPorts
    environment: str = "development"
    throwaway_database: bool = False  # tests: a cluster without fsync, gone with the folder
    # Ports of each HTTP service's replicas (StackPorts.replicated); empty: one each, own port.
    service_ports: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    extra_env: Mapping[str, str] = field(default_factory=dict)
    secrets: Mapping[str, str] = field(default_factory=dict)
    processes: dict[str, ManagedProcess] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    stop_timings: dict[str, float] = field(default_factory=dict)
    # A database and broker started elsewhere (tests on Docker: devstack.containers); then
    # start_infrastructure is not called and the two addresses below are theirs.
    external: ExternalInfrastructure | None = None

    @property
    def kafka_bootstrap(self) -> str:
        if self.external is not None:
            return self.external.kafka_bootstrap
        return f"127.0.0.1:{self.ports.kafka}"

    @property
    def mongo_url(self) -> str:
        if self.external is not None:
            return self.external.mongo_url
        return f"mongodb://127.0.0.1:{self.ports.mongo}/"

    @property
    def sandbox_url(self) -> str:
        return f"http://127.0.0.1:{self.ports.sandboxes}"

    @property
    def gateway_url(self) -> str:
        return f"http://127.0.0.1:{self.ports.gateway}"

    @property
    def postgres(self) -> PostgresCluster:
        return PostgresCluster(
            self.state_dir / "postgres", self.ports.postgres, throwaway=self.throwaway_database
        )

    def start_infrastructure(self) -> None:
        """PostgreSQL and Kafka side by side, then FerretDB over PostgreSQL."""
        root, cache = repo_root(), cache_dir()
        with ThreadPoolExecutor(2) as pool:
            jars = pool.submit(ensure_kafka_jars, root, cache)
            binary = pool.submit(ensure_ferretdb_binary, root, cache)
            self.postgres.ensure_initialised()
            postgres = self._postgres_process()
            postgres.start()
            self.processes[postgres.name] = postgres
            kafka = ManagedProcess(
                "kafka",
                prepare_kafka(
                    root,
                    jars.result(),
                    self.state_dir / "kafka",
                    self.ports.kafka,
                    self.ports.kafka_controller,
                ),
                self.state_dir / "logs" / "kafka.log",
                lambda: kafka_is_ready(self.ports.kafka),
            )
            kafka.start()
            self.processes[kafka.name] = kafka
            self.timings[postgres.name] = postgres.wait_ready(INFRASTRUCTURE_TIMEOUT)
            self.postgres.ensure_database()
            ferret = ManagedProcess(
                "ferretdb",
                ferretdb_command(binary.result(), self.postgres.url, self.ports.mongo),
                self.state_dir / "logs" / "ferretdb.log",
                lambda: mongo_wire_is_ready(self.ports.mongo),
            )
        self._start_together([ferret], INFRASTRUCTURE_TIMEOUT)
        self.timings[kafka.name] = kafka.wait_ready(INFRASTRUCTURE_TIMEOUT)
        asyncio.run(ensure_topics(self.kafka_bootstrap, RECONCILER_TOPICS))

    def _postgres_process(self) -> ManagedProcess:
        return ManagedProcess(
            "postgres",
            self.postgres.command(),
            self.state_dir / "logs" / "postgres.log",
            self.postgres.is_ready,
            user=server_account(),
            stop_signal=signal.SIGINT,  # fast shutdown: it ends its sessions and children itself
        )

    def start_applications(self) -> None:
        started = [sandboxes_process(self)]
        started += [
            python_service(self, spec, replica, port)
            for spec in FASTAPI_SERVICES
            for replica, port in enumerate(self.ports_of(spec.port_field))
        ]
        started.append(reconciler_process(self))
        self._start_together(started, SERVICE_TIMEOUT)

    def start_gateway(self) -> None:
        config = render_gateway_config(
            self.ports,
            {spec.port_field: self.ports_of(spec.port_field) for spec in FASTAPI_SERVICES},
            self.state_dir / "gateway",
            repo_root() / "web" / "dist",
        )
        gateway = ManagedProcess(
            "gateway",
            gateway_command(config),
            self.state_dir / "logs" / "gateway.log",
            http_ok(f"{self.gateway_url}/api/payments/healthz"),
        )
        self._start_together([gateway], SERVICE_TIMEOUT)

    def start_all(self) -> None:
        self.start_infrastructure()
        self.start_applications()
        self.start_gateway()

    def ports_of(self, port_field: str) -> tuple[int, ...]:
        return self.service_ports.get(port_field, (getattr(self.ports, port_field),))

    def replicas_of(self, name: str) -> list[ManagedProcess]:
        """A service's processes: `checkout`, then `checkout-2`, …"""
        return [p for key, p in self.processes.items() if key == name or key.startswith(f"{name}-")]

    def restart(self, name: str) -> None:
        """Stops one process and starts it again on the same ports and data."""
        process = self.processes[name]
        process.stop()
        process.start()
        self.timings[name] = process.wait_ready(INFRASTRUCTURE_TIMEOUT)

    def stop(self) -> None:
        for process in reversed(list(self.processes.values())):
            started = time.monotonic()
            process.stop()
            self.stop_timings[process.name] = time.monotonic() - started

    def service_env(self, name: str, port: int) -> dict[str, str]:
        return {
            "PORTAL_ENVIRONMENT": self.environment,
            "PORTAL_SERVICE_NAME": name,
            "PORTAL_HTTP_PORT": str(port),
            "PORTAL_MONGO_URL": self.mongo_url,
            "PORTAL_KAFKA_BOOTSTRAP": self.kafka_bootstrap,
            **self.shared_env(),
            **self.extra_env,
        }

    def shared_env(self) -> dict[str, str]:
        """Addresses and secrets every process reads the same way, sandboxes included."""
        return {
            "PORTAL_SMTP_PORT": str(self.ports.smtp),
            "PORTAL_SANDBOX_URL": self.sandbox_url,
            "PORTAL_PUBLIC_URL": self.gateway_url,
            "PORTAL_BANK_URL": f"{self.sandbox_url}/bank",
            "PORTAL_PROVIDERS_URL": f"{self.sandbox_url}/providers",
            "PORTAL_MCQS_URL": f"{self.sandbox_url}/mcqs",
            "PORTAL_CATALOG_URL": f"http://127.0.0.1:{self.ports.provider_gateway}",
            "PORTAL_CALLBACK_URL": f"{callback_base(self)}/api/payments/bank-callbacks",
            **self.secrets,
        }

    def _start_together(self, processes: list[ManagedProcess], timeout: float) -> None:
        for process in processes:
            self.processes[process.name] = process
            process.start()
        for process in processes:
            self.timings[process.name] = process.wait_ready(timeout)

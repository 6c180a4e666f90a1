"""Pytest fixtures: each test session starts its own broker and database on free ports.

There is no quiet skip: when the infrastructure cannot start, every test that needs it errors
with the reason, and `make test` fails.
"""

from __future__ import annotations

import asyncio
import re
import secrets
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from devstack.containers import KAFKA_IMAGE, MONGO_IMAGE, REPLICA_SET, start_containers
from devstack.ferretdb import VERSION as FERRETDB_VERSION
from devstack.infra import Choice, InfrastructureChoiceError, infrastructure_from_environment
from devstack.paths import repo_root
from devstack.ports import StackPorts
from devstack.stack import INFRASTRUCTURE, Stack
from devstack.traces import TraceReceiver
from reconciler.topics import INTERNAL_TOPICS as RECONCILER_TOPICS
from servicekit.kafka import ensure_topics

# Short clocks so a test can watch a card page time out or a provider miss its deadline.
TEST_TIMINGS = {
    "PORTAL_BANK_SESSION_SECONDS": "8",
    "PORTAL_EXPIRY_GRACE_SECONDS": "1",
    "PORTAL_MAINTENANCE_SECONDS": "0.5",
    "PORTAL_OUTBOX_SWEEP_SECONDS": "1",
    "PORTAL_ACTIVATION_DEADLINE_SECONDS": "20",
    "PORTAL_BACKOFF_MAX_SECONDS": "2",
    "PORTAL_PROVIDER_TIMEOUT_SECONDS": "2",
    "PORTAL_RECONCILIATION_DEADLINE_SECONDS": "4",
    "PORTAL_RECONCILIATION_SWEEP_SECONDS": "0.25",
    "PORTAL_MCQS_COMPLETION_SECONDS": "3",
    "PORTAL_SIGN_IN_LOCK_SECONDS": "2",
    "PORTAL_REFUND_DEADLINE_SECONDS": "3",
    "PORTAL_UNKNOWN_CHECK_SCHEDULE_SECONDS": "[3, 3, 3, 3, 3, 3]",
}


E2E_REPLICAS = 2


def random_secrets() -> dict[str, str]:
    """Fresh secrets for each run: proves nothing depends on the development defaults."""
    names = (
        "BANK_MERCHANT_SECRET",
        "BANK_CALLBACK_SECRET",
        "PROVIDER_SECRET",
        "MCQS_SECRET",
        "SUPPORT_JWT_SECRET",  # the seeded support staff's passwords below: tests sign in with them
        "SUPPORT_SPECIALIST_PASSWORD",
        "SUPPORT_SUPERVISOR_PASSWORD",
        "SUPPORT_OPS_PASSWORD",
    )
    return {f"PORTAL_{name}": secrets.token_hex(16) for name in names}


@pytest.fixture(scope="session")
def stack_state_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="portal-test-") as folder:
        yield Path(folder)


@pytest.fixture(scope="session")
def trace_receiver() -> Iterator[TraceReceiver]:
    """Where the test stack's services send their spans (OTLP/HTTP), for tests of the traces."""
    receiver = TraceReceiver().start()
    try:
        yield receiver
    finally:
        receiver.stop()


@pytest.fixture(scope="session")
def infrastructure(
    request: pytest.FixtureRequest, stack_state_dir: Path, trace_receiver: TraceReceiver
) -> Iterator[Stack]:
    """The database and broker only, for integration tests of one service or library: local
    PostgreSQL + FerretDB + Kafka, or MongoDB + Kafka in Docker (PORTAL_INFRA, devstack.infra)."""
    containers = start_containers() if chosen(request.config).mode == "containers" else None
    ports = StackPorts.free()
    stack = Stack(
        state_dir=stack_state_dir,
        ports=ports,
        # Two processes of every HTTP service behind the gateway: each end-to-end test also
        # proves that nothing depends on one process seeing every request.
        service_ports=ports.replicated(E2E_REPLICAS, fixed=False),
        environment="test",
        secrets=random_secrets(),
        extra_env={**TEST_TIMINGS, **trace_receiver.env()},
        throwaway_database=True,
        external=containers.external if containers is not None else None,
    )
    try:
        if containers is None:
            stack.start_infrastructure()
        else:  # what start_infrastructure does once its broker is up
            asyncio.run(ensure_topics(stack.kafka_bootstrap, RECONCILER_TOPICS))
        yield stack
    finally:
        try:
            stack.stop()
        finally:
            if containers is not None:
                containers.stop()


@pytest.fixture(scope="session")
def system(infrastructure: Stack) -> Iterator[Stack]:
    """The whole system behind its gateway, for end-to-end tests. Its services consume every
    event on the topics, so only tests under tests/ ask for it: they run after libs/ and
    services/, whose integration tests run services of their own on the same broker."""
    try:
        infrastructure.start_applications()
        infrastructure.start_gateway()
        yield infrastructure
    finally:
        for name in list(infrastructure.processes):
            if name not in INFRASTRUCTURE:
                infrastructure.processes.pop(name).stop()


# PORTAL_INFRA is read once per run, before collection; the fixtures and the header share it.
_CHOICE = pytest.StashKey[Choice]()
LOCAL_INFRA_SKIP = (
    "local_infra: stops, kills or restarts a local database or broker process, which the "
    "containers chosen by PORTAL_INFRA do not have"
)


def pytest_configure(config: pytest.Config) -> None:
    try:
        config.stash[_CHOICE] = infrastructure_from_environment()
    except InfrastructureChoiceError as exc:  # a typo or a missing engine stops the run at once
        raise pytest.UsageError(str(exc)) from exc


def chosen(config: pytest.Config) -> Choice:
    return config.stash[_CHOICE]


def pytest_report_header(config: pytest.Config) -> str:
    return f"infrastructure: {describe(chosen(config))}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if chosen(config).mode != "containers":
        return
    for item in items:
        if item.get_closest_marker("local_infra") is not None:
            item.add_marker(pytest.mark.skip(reason=LOCAL_INFRA_SKIP))


def describe(choice: Choice) -> str:
    """E.g. `local (PostgreSQL 15 + FerretDB 1.24.2 + Kafka 4.4.0; PORTAL_INFRA=local)`."""
    if choice.mode == "containers":
        return (
            f"containers ({MONGO_IMAGE} replica set {REPLICA_SET} + {KAFKA_IMAGE}; {choice.reason})"
        )
    return f"local ({_local_versions()}; {choice.reason})"


def _local_versions() -> str:
    majors = [int(p.name) for p in Path("/usr/lib/postgresql").glob("*") if p.name.isdigit()]
    postgres = f"PostgreSQL {max(majors)}" if majors else "PostgreSQL"
    pom = repo_root() / "deploy" / "kafka" / "pom.xml"
    found = re.search(r"<kafka\.version>([^<]+)</kafka\.version>", pom.read_text())
    kafka = f"Kafka {found.group(1)}" if found else "Kafka"
    return f"{postgres} + FerretDB {FERRETDB_VERSION.removeprefix('v')} + {kafka}"

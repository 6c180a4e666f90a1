"""Pytest fixtures: each test session starts its own broker and database on free ports.

There is no quiet skip: when the infrastructure cannot start, every test that needs it errors
with the reason, and `make test` fails.
"""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from devstack.ports import StackPorts
from devstack.stack import INFRASTRUCTURE, Stack

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
}


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
    )
    return {f"PORTAL_{name}": secrets.token_hex(16) for name in names}


@pytest.fixture(scope="session")
def stack_state_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="portal-test-") as folder:
        yield Path(folder)


@pytest.fixture(scope="session")
def infrastructure(stack_state_dir: Path) -> Iterator[Stack]:
    """PostgreSQL, FerretDB and Kafka only, for integration tests of one service or library."""
    stack = Stack(
        state_dir=stack_state_dir,
        ports=StackPorts.free(),
        environment="test",
        secrets=random_secrets(),
        extra_env=TEST_TIMINGS,
        throwaway_database=True,
    )
    try:
        stack.start_infrastructure()
        yield stack
    finally:
        stack.stop()


@pytest.fixture(scope="session")
def system(infrastructure: Stack) -> Iterator[Stack]:
    """The whole system behind its gateway, for end-to-end tests."""
    try:
        infrastructure.start_applications()
        infrastructure.start_gateway()
        yield infrastructure
    finally:
        for name in list(infrastructure.processes):
            if name not in INFRASTRUCTURE:
                infrastructure.processes.pop(name).stop()

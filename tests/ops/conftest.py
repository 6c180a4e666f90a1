"""The command line run as ops run it: a subprocess pointed at the session's broker, database and
gateway; and a payment paid through the gateway as the e2e tests pay one."""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from devstack.stack import Stack

Cli = Callable[..., subprocess.CompletedProcess[str]]


def cli_argv(stack: Stack, *args: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "payportal",
        "--kafka",
        stack.kafka_bootstrap,
        "--mongo",
        stack.mongo_url,
        "--gateway",
        stack.gateway_url,
        *args,
    ]


@pytest.fixture(scope="session")
def cli(infrastructure: Stack) -> Cli:
    def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            cli_argv(infrastructure, *args), capture_output=True, text=True, timeout=timeout
        )

    return run


def create_payment(system: Stack, client: httpx.Client) -> dict[str, Any]:
    response = client.post(
        f"{system.gateway_url}/api/payments",
        json={
            "service_id": "azercell",
            "account": "50" + str(uuid.uuid4().int)[:7],
            "amount": "5.00",
        },
        headers={"Idempotency-Key": f"opscli-{uuid.uuid4().hex}"},
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def pay(system: Stack, client: httpx.Client, page_url: str) -> None:
    """The bank sandbox's real card form, as a browser fills it."""
    form = {"card_number": "4111 1111 1111 1111", "expiry": "12/30", "cvv": "123", "holder": "OPS"}
    assert client.get(page_url).status_code == 200
    client.post(page_url, data=form)


def wait_for_state(
    system: Stack, client: httpx.Client, payment_id: str, state: str
) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        view: dict[str, Any] = client.get(f"{system.gateway_url}/api/payments/{payment_id}").json()
        if view["state"] == state:
            return view
        time.sleep(0.25)
    raise AssertionError(f"{payment_id} never reached {state}: {view}")


@pytest.fixture(scope="module")
def completed_payment(system: Stack) -> dict[str, Any]:
    """A payment created through the gateway and paid on the bank's page, until completed."""
    with httpx.Client(timeout=30, follow_redirects=True) as client:
        created = create_payment(system, client)
        pay(system, client, created["payment_page_url"])
        return wait_for_state(system, client, created["payment_id"], "completed")


@pytest.fixture
async def topic(infrastructure: Stack) -> AsyncIterator[str]:
    """A topic of the test's own: no service consumes it, so only our consumer sees replays."""
    name = f"opscli-test-{uuid.uuid4().hex[:8]}"
    admin = AIOKafkaAdminClient(bootstrap_servers=infrastructure.kafka_bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(name=name, num_partitions=2, replication_factor=1)])
        yield name
    finally:
        await admin.close()

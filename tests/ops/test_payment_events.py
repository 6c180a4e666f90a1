"""`events tail` on one real payment, made through the gateway: its events in order, as JSON,
and live."""

from __future__ import annotations

import json
import re
import subprocess
import threading
import time
from queue import Empty, Queue
from typing import IO, Any

import httpx
import pytest

from devstack.stack import Stack

from .conftest import Cli, cli_argv, create_payment

pytestmark = pytest.mark.integration

EVENTS_OF_A_COMPLETED_PAYMENT = [
    "payment-initiated",
    "card-debited",
    "provider-activated",
    "payment-completed",
]
TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")


def wait_for_events(cli: Cli, payment_id: str, count: int) -> list[str]:
    """The relay publishes a moment after the state changes: read until all are there. An event
    the relay published twice (at least once) is two identical lines: counted once."""
    deadline = time.monotonic() + 20
    while True:
        done = cli("events", "tail", "--no-follow", "--payment", payment_id)
        assert done.returncode == 0, done.stderr
        lines = list(dict.fromkeys(done.stdout.splitlines()))
        if len(lines) >= count or time.monotonic() > deadline:
            return lines
        time.sleep(0.5)


def test_tail_without_follow_lists_a_payments_events_in_order(
    cli: Cli, completed_payment: dict[str, Any]
) -> None:
    payment_id = completed_payment["payment_id"]
    lines = wait_for_events(cli, payment_id, len(EVENTS_OF_A_COMPLETED_PAYMENT))

    assert [line.split()[2] for line in lines] == EVENTS_OF_A_COMPLETED_PAYMENT
    assert all(TIME.match(line) and payment_id in line for line in lines)
    assert [line.split()[1] for line in lines] == [
        "payments.v1",
        "payments.v1",
        "activations.v1",
        "payments.v1",
    ]
    assert "amount=5.00 AZN" in lines[1] and "service=azercell" in lines[1]
    times = [line.split()[0] for line in lines]
    assert times == sorted(times)


def test_tail_json_gives_one_cloudevent_per_line_and_filters_by_type(
    cli: Cli, completed_payment: dict[str, Any]
) -> None:
    payment_id = completed_payment["payment_id"]
    wait_for_events(cli, payment_id, len(EVENTS_OF_A_COMPLETED_PAYMENT))
    done = cli("events", "tail", "--no-follow", "--payment", payment_id, "--json")
    by_id = {event["id"]: event for event in map(json.loads, done.stdout.splitlines())}
    events = list(by_id.values())
    assert [event["type"] for event in events] == EVENTS_OF_A_COMPLETED_PAYMENT
    assert all(event["specversion"] == "1.0" and event["subject"] == payment_id for event in events)
    assert events[1]["data"]["amount"] == {"qepik": 500, "currency": "AZN"}

    only = cli("events", "tail", "--no-follow", "--payment", payment_id, "--type", "card-debited")
    assert {line.split()[2] for line in only.stdout.splitlines()} == {"card-debited"}
    topic = cli(
        "events", "tail", "--no-follow", "--payment", payment_id, "--topic", "activations.v1"
    )
    assert {line.split()[2] for line in topic.stdout.splitlines()} == {"provider-activated"}


def test_tail_follows_an_event_published_after_it_started(system: Stack) -> None:
    with subprocess.Popen(
        cli_argv(system, "events", "tail", "--topic", "payments.v1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as tail:
        assert tail.stderr is not None and "following" in tail.stderr.readline()
        lines: Queue[str] = Queue()
        assert tail.stdout is not None
        threading.Thread(target=_forward, args=(tail.stdout, lines), daemon=True).start()
        with httpx.Client(timeout=30) as client:
            payment_id = create_payment(system, client)["payment_id"]
        seen = ""
        deadline = time.monotonic() + 30
        while payment_id not in seen and time.monotonic() < deadline:
            try:
                seen = lines.get(timeout=1)
            except Empty:
                continue
        tail.kill()
        assert payment_id in seen and "payment-initiated" in seen


def _forward(stream: IO[str], lines: Queue[str]) -> None:
    for line in stream:
        lines.put(line)

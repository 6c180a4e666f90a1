"""`payments show | find` and `lag` on one real payment, made through the gateway."""

from __future__ import annotations

import re
from typing import Any

import pytest

from devstack.stack import Stack

from .conftest import Cli
from .test_payment_events import EVENTS_OF_A_COMPLETED_PAYMENT, wait_for_events

pytestmark = pytest.mark.integration


def test_payments_show_tells_the_story_in_time_order(
    cli: Cli, completed_payment: dict[str, Any]
) -> None:
    payment_id = completed_payment["payment_id"]
    wait_for_events(cli, payment_id, len(EVENTS_OF_A_COMPLETED_PAYMENT))
    done = cli("payments", "show", payment_id)
    assert done.returncode == 0, done.stderr
    header, _, timeline = done.stdout.partition("\n\n")

    assert re.search(r"state: completed", header) and "total 5.00 AZN" in header
    entries = timeline.splitlines()
    assert [line.split()[0] for line in entries] == sorted(line.split()[0] for line in entries)
    told = [" ".join(line.split()[1:3]) for line in entries]
    for expected in (
        "checkout state",
        "payments.v1 payment-initiated",
        "payments.v1 card-debited",
        "activation started",
        "activations.v1 provider-activated",
        "activation activated:",
        "payments.v1 payment-completed",
    ):
        assert expected in told, f"{expected!r} not in the story:\n{done.stdout}"
    states = [line.split("→")[1].split()[0] for line in entries if "state →" in line]
    assert states == ["initiated", "debited", "completed"]
    assert told.index("payments.v1 card-debited") < told.index("activation started")


def test_payments_find_by_account_and_state(cli: Cli, completed_payment: dict[str, Any]) -> None:
    payment_id = completed_payment["payment_id"]
    done = cli("payments", "find", "--account", completed_payment["account"], "--since", "-1h")
    assert done.returncode == 0, done.stderr
    assert payment_id in done.stdout and "completed" in done.stdout
    other = cli(
        "payments", "find", "--account", completed_payment["account"], "--state", "declined"
    )
    assert payment_id not in other.stdout and "no payment matches" in other.stdout


def test_an_unknown_payment_is_one_line_and_exit_code_1(cli: Cli, system: Stack) -> None:
    done = cli("payments", "show", "pay_01hzzzzzzzzzzzzzzzzzzzzzzz")
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "error: no payment pay_01hzzzzzzzzzzzzzzzzzzzzzzz: no service stores it and no event names it"
    )
    assert done.stdout == ""


def test_lag_lists_the_services_consumer_groups_and_outboxes(
    cli: Cli, completed_payment: dict[str, Any]
) -> None:
    done = cli("lag")
    assert done.returncode == 0, done.stderr
    groups = {line.split()[0] for line in done.stdout.splitlines() if ".v1" in line}
    assert {"checkout", "provider-gateway"} <= groups
    rows = [line.split() for line in done.stdout.splitlines()]
    assert ["checkout", "payments"] in [row[:2] for row in rows]
    assert ["provider_gateway", "activations"] in [row[:2] for row in rows]

"""A stack that is not there is one clear line and exit code 1, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from devstack.ports import free_port

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(
    ("command", "what"),
    [
        (["events", "tail"], "Kafka"),
        (["events", "tail", "--no-follow"], "Kafka"),
        (["payments", "show", "pay_01hzzzzzzzzzzzzzzzzzzzzzzz"], "database"),
        (["payments", "find", "--state", "debited"], "database"),
        (["dead-letters", "list"], "database"),
        (["dead-letters", "replay", "6650f0c2a1b2c3d4e5f60718"], "database"),
        (["cases", "list"], "database"),
        (["recon", "report"], "database"),
        (["lag"], "Kafka"),
    ],
)
def test_a_closed_port_is_a_clear_error(command: list[str], what: str) -> None:
    kafka, mongo = f"127.0.0.1:{free_port()}", f"mongodb://127.0.0.1:{free_port()}/"
    argv = [sys.executable, "-m", "payportal", "--kafka", kafka, "--mongo", mongo, "--timeout", "1"]
    done = subprocess.run([*argv, *command], capture_output=True, text=True, timeout=30)

    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 1, done.stderr
    address = kafka if what == "Kafka" else mongo
    assert done.stderr.startswith(
        f"error: no {'Kafka' if what == 'Kafka' else 'database'} at {address}"
    )
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_a_since_it_cannot_read_is_a_clear_error() -> None:
    argv = [sys.executable, "-m", "payportal", "events", "tail", "--since", "yesterday"]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    assert done.returncode == 1
    assert (
        done.stderr.startswith("error: --since 'yesterday'") and len(done.stderr.splitlines()) == 1
    )

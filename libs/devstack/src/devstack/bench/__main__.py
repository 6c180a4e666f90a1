"""`make bench`: a private stack on free ports; in one run, the machine's raw baseline (bare
Kafka, bare Mongo wire), the payments closed- and open-loop, the database as it grows, the open
loop again over a million stored payments, memory and the first page in Chromium."""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from devstack.bench import database, kafka_baseline
from devstack.bench.report import Run, report
from devstack.memory import group_resident_bytes
from devstack.ports import StackPorts
from devstack.stack import Stack
from devstack.testing import random_secrets


def main() -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__)
    parser.add_argument("--seconds", type=float, default=20, help="closed loop: how long")
    parser.add_argument("--customers", type=int, default=24, help="closed loop: how many")
    parser.add_argument("--rate", type=float, default=50, help="open loop: payments/s")
    parser.add_argument(
        "--steady-rate",
        type=float,
        default=15,
        help="open loop below saturation, before and after the growth",
    )
    parser.add_argument("--open-seconds", type=float, default=20, help="open loop: how long")
    parser.add_argument("--sizes", default="1000,100000,1000000", help="stored payments")
    arguments = parser.parse_args()
    sizes = sorted(int(size) for size in arguments.sizes.split(","))
    with tempfile.TemporaryDirectory(prefix="portal-bench-") as folder:
        stack = Stack(
            state_dir=Path(folder),
            ports=StackPorts.free(),
            environment="test",
            secrets=random_secrets(),
            extra_env={"PORTAL_LOG_LEVEL": "WARNING"},
        )
        try:
            stack.start_all()
            run = measure(stack, arguments, sizes)
        finally:
            stack.stop()
    sys.stdout.write(report(run) + "\n")
    return 0


def measure(stack: Stack, arguments: argparse.Namespace, sizes: list[int]) -> Run:
    run = Run(customers=arguments.customers)
    run.idle_bytes = resident(stack)
    run.kafka = asyncio.run(kafka_baseline.bare_rates(stack.kafka_bootstrap))
    run.mongo = asyncio.run(database.run(stack.mongo_url, []))["bare_rates"]
    own = grow(stack, run, 0, sizes[0])
    events_before = asyncio.run(kafka_baseline.events_written(stack.kafka_bootstrap))
    run.closed = load(
        "payments_load",
        stack.gateway_url,
        f"--seconds={arguments.seconds}",
        f"--customers={arguments.customers}",
    )
    run.events = asyncio.run(kafka_baseline.events_written(stack.kafka_bootstrap)) - events_before
    seconds = f"--seconds={arguments.open_seconds}"
    run.open = load("open_loop", stack.gateway_url, f"--rate={arguments.rate}", seconds)
    steady = (f"--rate={arguments.steady_rate}", seconds)
    run.steady = load("open_loop", stack.gateway_url, *steady)
    run.busy_bytes = resident(stack)
    for size in sizes[1:]:
        own = grow(stack, run, own, size)
    if len(sizes) > 1:
        run.settle_seconds = settle(stack)
        run.open_stored = load("open_loop", stack.gateway_url, *steady)
        run.stored = max(run.lookups)
    run.first_page = load("first_page", stack.gateway_url)["first_page_seconds"]
    return run


def grow(stack: Stack, run: Run, own: int, size: int) -> int:
    """Checkout's own payments collection, grown with stored payments, and measured there."""
    grown = database.grow_and_look_up(stack.mongo_url, "checkout", "payments", own, size)
    own, reached, latencies = asyncio.run(grown)
    run.lookups[reached] = latencies
    return own


def settle(stack: Stack, longest: float = 300) -> float:
    """After a bulk load PostgreSQL's autovacuum works for a while, as it would once in a real
    database's life, not at every payment: wait for it, and say how long that took."""
    started = time.monotonic()
    while stack.postgres.busy_with_autovacuum() and time.monotonic() - started < longest:
        time.sleep(1)
    return time.monotonic() - started


def load(module: str, *arguments: str) -> dict[str, Any]:
    """A load generator in its own process, so it does not share our interpreter's time."""
    done = subprocess.run(
        [sys.executable, "-m", f"devstack.bench.{module}", *arguments],
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, Any] = json.loads(done.stdout)
    return figures


def resident(stack: Stack) -> int:
    return sum(group_resident_bytes(p.pid) for p in stack.processes.values() if p.pid)


if __name__ == "__main__":
    sys.exit(main())

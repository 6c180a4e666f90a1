"""`make bench`: a private stack on free ports, the payments load from a separate process, figures."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from devstack.bench.figures import latency_line
from devstack.memory import group_resident_bytes
from devstack.ports import StackPorts
from devstack.stack import Stack
from devstack.testing import random_secrets


def main() -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--customers", type=int, default=24)
    arguments = parser.parse_args()
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
            idle = sum(group_resident_bytes(p.pid) for p in stack.processes.values() if p.pid)
            load = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "devstack.bench.payments_load",
                    stack.gateway_url,
                    "--seconds",
                    str(arguments.seconds),
                    "--customers",
                    str(arguments.customers),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            busy = sum(group_resident_bytes(p.pid) for p in stack.processes.values() if p.pid)
            browser = subprocess.run(
                [sys.executable, "-m", "devstack.bench.first_page", stack.gateway_url],
                capture_output=True,
                text=True,
                check=True,
            )
        finally:
            stack.stop()
    figures = json.loads(load.stdout)
    print_report(figures, arguments.customers, idle, busy)
    first_page = json.loads(browser.stdout)["first_page_seconds"]
    sys.stdout.write(latency_line("first page usable (Chromium)", first_page) + "\n")
    return 0


def print_report(
    figures: dict[str, object], customers: int, idle_bytes: int, busy_bytes: int
) -> None:
    load_seconds = float(figures["load_seconds"])  # type: ignore[arg-type]
    drained = float(figures["drained_seconds"])  # type: ignore[arg-type]
    completed = int(figures["completed"])  # type: ignore[call-overload]
    lines = [
        f"Payments benchmark: {customers} customers for {load_seconds:.0f}s through the gateway",
        f"  created {figures['created']}, completed {completed}, failed {figures['failed']}, "
        f"unfinished {figures['unfinished']}",
        f"  completed payments/s         {completed / drained:7.1f}   (completed / time until all finished)",
        latency_line("create payment (HTTP)", figures["create_seconds"]),  # type: ignore[arg-type]
        latency_line("debit → completion", figures["debit_to_completion_seconds"]),  # type: ignore[arg-type]
        f"  resident memory of the stack  idle {idle_bytes / 2**20:.0f} MiB, after load {busy_bytes / 2**20:.0f} MiB",
    ]
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())

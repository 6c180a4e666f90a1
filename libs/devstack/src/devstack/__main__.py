"""`python -m devstack run`: start the whole system on fixed local ports until Ctrl-C."""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path
from types import FrameType

from devstack.ferretdb import ensure_ferretdb_binary
from devstack.kafka import ensure_kafka_jars
from devstack.memory import memory_report, write_pid_file
from devstack.paths import cache_dir, repo_root
from devstack.ports import StackPorts, port_is_open
from devstack.processes import ProcessFailedError
from devstack.stack import Stack

PID_FILE = "pids.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="devstack", description=__doc__)
    parser.add_argument("command", choices=["run", "prepare", "memory"])
    parser.add_argument("--state-dir", type=Path, default=repo_root() / "var" / "run")
    parser.add_argument("--replicas", type=int, default=1, help="processes per HTTP service")
    arguments = parser.parse_args(argv)
    if arguments.command == "prepare":
        prepare()
        return 0
    if arguments.command == "memory":
        _say(memory_report(arguments.state_dir / PID_FILE))
        return 0
    if not 1 <= arguments.replicas <= 4:
        parser.error("--replicas takes 1 to 4")
    return run(arguments.state_dir, arguments.replicas)


def prepare() -> None:
    """Fetches and builds what the stack runs, so the first start is not the slow one."""
    ensure_kafka_jars(repo_root(), cache_dir())
    ensure_ferretdb_binary(repo_root(), cache_dir())


def run(state_dir: Path, replicas: int) -> int:
    ports = StackPorts()
    service_ports = ports.replicated(replicas, fixed=True)
    taken = [str(port) for group in service_ports.values() for port in group[1:]]
    if busy := ports.busy() + [port for port in taken if port_is_open(int(port), 0.2)]:
        _say(f"These ports are taken (is another `make run` up?): {', '.join(busy)}")
        return 1
    stack = Stack(state_dir=state_dir, ports=ports, service_ports=service_ports)
    signal.signal(signal.SIGTERM, _raise_interrupt)
    signal.signal(signal.SIGINT, _raise_interrupt)  # even when started with SIGINT ignored
    started = time.monotonic()
    try:
        stack.start_all()
        groups = {name: process.pid for name, process in stack.processes.items() if process.pid}
        write_pid_file(state_dir / PID_FILE, groups)
        _say(_summary(stack, time.monotonic() - started))
        _watch(stack)
    except KeyboardInterrupt:
        _say("\nstopping…")
    except ProcessFailedError as error:
        _say(f"could not start the system:\n{error}")
        return 1
    finally:
        stack.stop()
        (state_dir / PID_FILE).unlink(missing_ok=True)
    slow = [f"{name} {seconds:.1f}s" for name, seconds in stack.stop_timings.items() if seconds > 2]
    _say("stopped." + (f" (slow to stop: {', '.join(slow)})" if slow else ""))
    return 0


def _watch(stack: Stack) -> None:
    while True:
        for process in stack.processes.values():
            if not process.running:
                raise ProcessFailedError(f"{process.name} stopped:\n{process.log_tail()}")
        time.sleep(1)


def _summary(stack: Stack, seconds: float) -> str:
    width = max(len(name) for name in stack.processes) + 1
    rows = [
        f"  {name:<{width}} pid {process.pid:<8} ready in {stack.timings.get(name, 0):5.1f}s"
        for name, process in stack.processes.items()
    ]
    return "\n".join(
        [
            f"The payment portal is up in {seconds:.1f}s.",
            *rows,
            f"  logs in {stack.state_dir / 'logs'}; memory: `make memory`",
            "",
            f"  Open {stack.gateway_url}/   (API: {stack.gateway_url}/api/…)",
            f"  Staff and ops: {stack.gateway_url}/console",
            "  Ctrl-C stops everything.",
        ]
    )


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _raise_interrupt(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())

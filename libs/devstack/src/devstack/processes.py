"""A child process we start, watch for readiness, and stop cleanly with its whole group."""

from __future__ import annotations

import contextlib
import ctypes
import os
import pwd
import signal
import subprocess
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_PR_SET_PDEATHSIG = 1


class ProcessFailedError(RuntimeError):
    """A process exited or never became ready; the message carries the end of its log."""


@dataclass
class ManagedProcess:
    name: str
    argv: list[str]
    log_path: Path
    is_ready: Callable[[], bool]
    env: Mapping[str, str] = field(default_factory=dict)
    cwd: Path | None = None
    user: str | None = None  # the account it runs as (root starts PostgreSQL as `postgres`)
    stop_signal: signal.Signals = signal.SIGTERM  # sent to the leader; the group if it lingers
    popen: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        self.popen = subprocess.Popen(
            self.argv,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**os.environ, **self.env},
            cwd=self.cwd,
            start_new_session=True,  # its own group, so Ctrl-C reaches it only through us
            **as_account(self.user),
            preexec_fn=_die_with_parent,  # runs after the switch of account, which would clear it
        )
        log.close()

    def wait_ready(self, timeout: float) -> float:
        """Seconds it took to become ready; raises ProcessFailedError with its log otherwise."""
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if self.popen is not None and self.popen.poll() is not None:
                raise ProcessFailedError(
                    f"{self.name} exited ({self.popen.returncode}):\n{self.log_tail()}"
                )
            if self.is_ready():
                return time.monotonic() - started
            time.sleep(0.1)
        raise ProcessFailedError(f"{self.name} not ready after {timeout:.0f}s:\n{self.log_tail()}")

    @property
    def running(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    @property
    def pid(self) -> int | None:
        return self.popen.pid if self.popen is not None else None

    def stop(self, grace: float = 15.0) -> None:
        if self.popen is None or self.popen.poll() is not None:
            return
        if self.stop_signal == signal.SIGTERM:
            _signal_group(self.popen.pid, signal.SIGTERM)
        else:  # a server that stops its own children (PostgreSQL: SIGINT, fast shutdown)
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.popen.pid, self.stop_signal)
        try:
            self.popen.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            _signal_group(self.popen.pid, signal.SIGKILL)
            self.popen.wait(timeout=5)

    def kill(self) -> None:
        """Abrupt death, as a crash would be: for tests of what survives one."""
        if self.popen is not None and self.popen.poll() is None:
            _signal_group(self.popen.pid, signal.SIGKILL)
            self.popen.wait(timeout=5)

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path.exists():
            return "(no log)"
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


def as_account(user: str | None) -> dict[str, Any]:
    """Popen's arguments that run a child as `user` with that account's group and no other."""
    if user is None:
        return {}
    return {"user": user, "group": pwd.getpwnam(user).pw_gid, "extra_groups": []}


def _die_with_parent() -> None:
    """Linux: the child gets SIGTERM if we die without cleaning up, so nothing is left behind."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _signal_group(pid: int, signum: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signum)

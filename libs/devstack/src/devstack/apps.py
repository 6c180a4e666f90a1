"""How the Python application servers are started and asked whether they are up."""

from __future__ import annotations

import sys
import urllib.request
from collections.abc import Callable


def uvicorn_command(factory: str, port: int) -> list[str]:
    """uvicorn on loopback with uvloop and httptools (less CPU a request than asyncio + h11)."""
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        factory,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--no-access-log",
        "--loop",
        "uvloop",
        "--http",
        "httptools",
        "--log-level",
        "warning",
    ]


def http_ok(url: str) -> Callable[[], bool]:
    def check() -> bool:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                return 200 <= int(response.status) < 300
        except OSError:
            return False

    return check

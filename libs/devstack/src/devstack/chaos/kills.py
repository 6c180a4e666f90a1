"""SIGKILL and restart, once each: every service's replicas, the broker, the database (PostgreSQL
and FerretDB) and the gateway. The sandboxes are the outside world and stay up.

Restarts happen on the main thread: a child started by another thread would get its death signal
when that thread ends (devstack.processes sets PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field

from devstack.stack import INFRASTRUCTURE_TIMEOUT, Stack

SERVICES = (
    "checkout",
    "provider-gateway",
    "imei-registry",
    "support-desk",
    "ops-desk",
    "reconciler",
)
SHARED = ("kafka", "postgres", "ferretdb", "gateway")
# Long enough that requests and consumers meet the hole, short enough to end the run soon.
OUTAGE_SECONDS = {"kafka": 3.0, "postgres": 3.0, "ferretdb": 1.0}
SERVICE_OUTAGE_SECONDS = 1.0


@dataclass
class KillLog:
    done: list[tuple[str, float]] = field(default_factory=list)  # (process, seconds down)


def kill_order(stack: Stack, seed: int) -> list[str]:
    """Every replica of every service and the shared processes, shuffled by the seed."""
    names = [p.name for service in SERVICES for p in stack.replicas_of(service)]
    names += [name for name in SHARED if name in stack.processes]
    random.Random(seed).shuffle(names)
    return names


async def kill_each_once(
    stack: Stack, names: list[str], spread_seconds: float, log: KillLog
) -> None:
    """Kills them one after another, spread over `spread_seconds` (each waits for the last to be
    back, so never two holes at once)."""
    started = time.monotonic()
    gap = spread_seconds / (len(names) + 1)
    for number, name in enumerate(names, start=1):
        await asyncio.sleep(max(0.0, started + number * gap - time.monotonic()))
        process = stack.processes[name]
        down_at = time.monotonic()
        process.kill()
        await asyncio.sleep(OUTAGE_SECONDS.get(name, SERVICE_OUTAGE_SECONDS))
        process.start()
        await asyncio.to_thread(process.wait_ready, INFRASTRUCTURE_TIMEOUT)
        log.done.append((name, time.monotonic() - down_at))

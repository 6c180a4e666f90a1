"""The payments load, run as its own process: customers create payments through the gateway, pay
on the bank's page, and the payments are followed until they complete.

`python -m devstack.bench.payments_load GATEWAY_URL --seconds 20 --customers 24`
prints one JSON line of raw figures for the parent to report.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime

import httpx

CARD = {"card_number": "4111111111111111", "expiry": "12/30", "cvv": "123", "holder": "LOAD TEST"}


@dataclass
class Figures:
    create_seconds: list[float] = field(default_factory=list)
    debit_to_completion: list[float] = field(default_factory=list)
    created: int = 0
    completed: int = 0
    failed: int = 0
    pending: list[str] = field(default_factory=list)


async def customer(
    client: httpx.AsyncClient, gateway: str, stop_at: float, figures: Figures
) -> None:
    while time.monotonic() < stop_at:
        await create_and_pay(client, gateway, figures, time.monotonic())


async def create_and_pay(
    client: httpx.AsyncClient, gateway: str, figures: Figures, counted_from: float
) -> None:
    """One customer's payment: created through the gateway, paid on the bank's page. The create
    latency counts from `counted_from` (the request's start, or when it was due to arrive)."""
    response = await client.post(
        f"{gateway}/api/payments",
        json={
            "service_id": "azercell",
            "account": "50" + str(uuid.uuid4().int)[:7],
            "amount": "1.00",
        },
        headers={"Idempotency-Key": uuid.uuid4().hex},
    )
    figures.create_seconds.append(time.monotonic() - counted_from)
    if response.status_code != 201:
        figures.failed += 1
        return
    figures.created += 1
    created = response.json()
    paid = await client.post(created["payment_page_url"], data=CARD)
    if paid.status_code >= 400:
        figures.failed += 1
        return
    figures.pending.append(created["payment_id"])


async def follow(client: httpx.AsyncClient, gateway: str, figures: Figures, until: float) -> None:
    """Reads the payments' histories (server times) to measure debit → completion."""
    while figures.pending and time.monotonic() < until:
        waiting = []
        for payment_id in figures.pending:
            view = (await client.get(f"{gateway}/api/payments/{payment_id}")).json()
            if view["state"] == "completed":
                times = {
                    step["state"]: datetime.fromisoformat(step["at"]) for step in view["history"]
                }
                figures.debit_to_completion.append(
                    (times["completed"] - times["debited"]).total_seconds()
                )
                figures.completed += 1
            elif view["state"] in ("declined", "expired", "refunded"):
                figures.failed += 1
            else:
                waiting.append(payment_id)
        figures.pending = waiting
        await asyncio.sleep(0.5)


async def run(gateway: str, seconds: float, customers: int) -> dict[str, object]:
    figures = Figures()
    limits = httpx.Limits(max_connections=customers * 2, max_keepalive_connections=customers * 2)
    async with httpx.AsyncClient(timeout=30, limits=limits) as client:
        started = time.monotonic()
        stop_at = started + seconds
        await asyncio.gather(
            *(customer(client, gateway, stop_at, figures) for _ in range(customers))
        )
        load_seconds = time.monotonic() - started
        await follow(client, gateway, figures, until=time.monotonic() + 60)
        drained_seconds = time.monotonic() - started
    return raw_figures(figures, load_seconds, drained_seconds)


def raw_figures(figures: Figures, load_seconds: float, drained_seconds: float) -> dict[str, object]:
    """What the load process prints for the bench to report."""
    return {
        "load_seconds": load_seconds,
        "drained_seconds": drained_seconds,
        "created": figures.created,
        "completed": figures.completed,
        "failed": figures.failed,
        "unfinished": len(figures.pending),
        "create_seconds": figures.create_seconds,
        "debit_to_completion_seconds": figures.debit_to_completion,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("gateway")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--customers", type=int, default=24)
    arguments = parser.parse_args()
    result = asyncio.run(run(arguments.gateway, arguments.seconds, arguments.customers))
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()

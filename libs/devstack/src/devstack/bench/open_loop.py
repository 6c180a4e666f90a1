"""The open-loop payments load, run as its own process: payments arrive at a fixed rate whatever
the system's speed, so a slow answer cannot hold the next customer back and hide its latency.

Each latency counts from the moment the payment was due to arrive, not from when the generator
got round to sending it. `python -m devstack.bench.open_loop GATEWAY_URL --rate 50 --seconds 20`
prints one JSON line of raw figures for the parent to report.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
import uuid

import httpx

from devstack.bench.payments_load import CARD, Figures, follow


async def one_payment(
    client: httpx.AsyncClient, gateway: str, due_at: float, figures: Figures
) -> None:
    response = await client.post(
        f"{gateway}/api/payments",
        json={
            "service_id": "azercell",
            "account": "50" + str(uuid.uuid4().int)[:7],
            "amount": "1.00",
        },
        headers={"Idempotency-Key": uuid.uuid4().hex},
    )
    figures.create_seconds.append(time.monotonic() - due_at)
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


async def run(gateway: str, rate: float, seconds: float) -> dict[str, object]:
    figures = Figures()
    limits = httpx.Limits(max_connections=400, max_keepalive_connections=200)
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        started = time.monotonic()
        arrivals = []
        for number in range(int(rate * seconds)):
            due_at = started + number / rate
            await asyncio.sleep(max(0.0, due_at - time.monotonic()))
            arrivals.append(asyncio.create_task(one_payment(client, gateway, due_at, figures)))
        await asyncio.gather(*arrivals)
        load_seconds = time.monotonic() - started
        await follow(client, gateway, figures, until=time.monotonic() + 60)
        drained_seconds = time.monotonic() - started
    return {
        "rate": rate,
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
    parser.add_argument("--rate", type=float, default=50, help="payments arriving per second")
    parser.add_argument("--seconds", type=float, default=20)
    arguments = parser.parse_args()
    result = asyncio.run(run(arguments.gateway, arguments.rate, arguments.seconds))
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()

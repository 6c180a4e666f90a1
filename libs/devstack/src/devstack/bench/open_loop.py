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

import httpx

from devstack.bench.payments_load import Figures, create_and_pay, follow, raw_figures


async def run(gateway: str, rate: float, seconds: float) -> dict[str, object]:
    figures = Figures()
    limits = httpx.Limits(max_connections=400, max_keepalive_connections=200)
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        started = time.monotonic()
        arrivals = []
        for number in range(int(rate * seconds)):
            due_at = started + number / rate
            await asyncio.sleep(max(0.0, due_at - time.monotonic()))
            arrivals.append(asyncio.create_task(create_and_pay(client, gateway, figures, due_at)))
        await asyncio.gather(*arrivals)
        load_seconds = time.monotonic() - started
        await follow(client, gateway, figures, until=time.monotonic() + 60)
        drained_seconds = time.monotonic() - started
    return {"rate": rate, **raw_figures(figures, load_seconds, drained_seconds)}


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

"""Time from a payment's reconciliation deadline to its `mismatch-detected` on Kafka.

`.venv/bin/python services/reconciler/bench_deadline.py [--payments 20] [--deadline 3] [--sweep 0.25]`
starts a private stack on free ports (test timings), debits payments whose provider holds them pending,
reads `reconciliation.v1` like a consumer would, and prints p50/p95/p99. Needs nothing running.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
from aiokafka import AIOKafkaConsumer

from contracts.envelope import from_kafka
from contracts.topics import Topic
from devstack.bench.figures import latency_line
from devstack.ports import StackPorts
from devstack.stack import Stack
from devstack.testing import TEST_TIMINGS, random_secrets

SERVICE = "aile-net"
CARD = {"card_number": "4111111111111111", "expiry": "12/30", "cvv": "123", "holder": "BENCH"}


async def pay(client: httpx.AsyncClient, gateway: str) -> str:
    account = str(uuid.uuid4().int)[:8]
    created = await client.post(
        f"{gateway}/api/payments",
        json={"service_id": SERVICE, "account": account, "amount": "2.00"},
        headers={"Idempotency-Key": uuid.uuid4().hex},
    )
    created.raise_for_status()
    body = created.json()
    (await client.post(body["payment_page_url"], data=CARD)).raise_for_status()
    payment_id: str = body["payment_id"]
    return payment_id


async def measure(stack: Stack, payments: int, deadline: float) -> dict[str, list[float]]:
    """Deadline → detected as a consumer reads it; and, to explain it, debit → `card-debited`."""
    consumer = AIOKafkaConsumer(
        Topic.RECONCILIATION.value,
        Topic.PAYMENTS.value,
        bootstrap_servers=stack.kafka_bootstrap,
        auto_offset_reset="earliest",
    )
    await consumer.start()
    lateness: dict[str, float] = {}
    published: dict[str, float] = {}

    async def read() -> None:
        async for record in consumer:
            received = datetime.now(UTC)
            envelope = from_kafka(list(record.headers), record.value or b"")
            if envelope.type == "card-debited":
                debited_at = datetime.fromisoformat(envelope.data["debited_at"])
                published[envelope.subject] = record.timestamp / 1000 - debited_at.timestamp()
            elif envelope.type == "mismatch-detected":
                due = datetime.fromisoformat(envelope.data["deadline"])
                lateness[envelope.subject] = (received - due).total_seconds()

    reader = asyncio.create_task(read())
    async with httpx.AsyncClient(timeout=30, follow_redirects=True) as client:
        faults = f"{stack.sandbox_url}/providers/_control/faults/{SERVICE}"
        await client.put(faults, json={"complete_after_seconds": deadline + 60})
        wanted = set()
        for _ in range(payments):  # spread over about one deadline, as traffic would be
            wanted.add(await pay(client, stack.gateway_url))
            await asyncio.sleep(deadline / payments)
        for _ in range(int(deadline + 30) * 10):
            if not wanted - lateness.keys():
                break
            await asyncio.sleep(0.1)
        await client.delete(faults)
    reader.cancel()
    await consumer.stop()
    if missing := wanted - lateness.keys():
        sys.stderr.write(f"never reported: {sorted(missing)}\n")
    return {
        "deadline → detected": [lateness[p] for p in wanted if p in lateness],
        "debit → card-debited on Kafka": [published[p] for p in wanted if p in published],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--payments", type=int, default=20)
    parser.add_argument("--deadline", type=float, default=3.0)
    parser.add_argument("--sweep", type=float, default=0.25, help="the sweep timer's interval")
    arguments = parser.parse_args()
    timings = {
        **TEST_TIMINGS,
        "PORTAL_RECONCILIATION_DEADLINE_SECONDS": str(arguments.deadline),
        "PORTAL_RECONCILIATION_SWEEP_SECONDS": str(arguments.sweep),
    }
    with tempfile.TemporaryDirectory(prefix="portal-bench-deadline-") as folder:
        stack = Stack(
            state_dir=Path(folder),
            ports=StackPorts.free(),
            environment="test",
            secrets=random_secrets(),
            extra_env={**timings, "PORTAL_LOG_LEVEL": "WARNING"},
        )
        try:
            stack.start_all()
            figures = asyncio.run(measure(stack, arguments.payments, arguments.deadline))
        finally:
            stack.stop()
    sweep = timings["PORTAL_RECONCILIATION_SWEEP_SECONDS"]
    sys.stdout.write(
        f"Reconciliation deadline → mismatch-detected read from Kafka "
        f"(deadline {arguments.deadline:g}s, sweep every {sweep}s)\n"
        + "".join(
            f"{latency_line(name, seconds)}   max {max(seconds, default=float('nan')) * 1000:7.1f} ms\n"
            for name, seconds in figures.items()
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

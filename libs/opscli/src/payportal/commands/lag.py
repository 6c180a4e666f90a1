"""`payportal lag`: what each consumer group still has to read, and what each outbox still has
to send."""

from __future__ import annotations

from datetime import UTC, datetime

from aiokafka import TopicPartition

from payportal.endpoints import Endpoints
from payportal.failures import run
from payportal.kafka_clients import admin
from payportal.kafka_io import reader
from payportal.mongo_io import databases, outbox_backlog
from payportal.output import console
from payportal.tables import PartitionLag, lag_table, outbox_table


def lag(endpoints: Endpoints) -> None:
    rows, idle, backlog = run(_measure(endpoints))
    out = console()
    out.print("[bold]consumer groups[/bold]")
    out.print(lag_table(rows) if rows else "no consumer group has committed offsets")
    if idle:
        out.print(f"nothing committed yet: {', '.join(sorted(idle))}", markup=False)
    out.print("\n[bold]outboxes[/bold]")
    out.print(outbox_table(backlog, datetime.now(UTC)))


async def _measure(
    endpoints: Endpoints,
) -> tuple[list[PartitionLag], list[str], list[tuple[str, str, int, datetime | None]]]:
    """Committed offsets per group and partition, the groups without any, and the outboxes."""
    committed: dict[tuple[str, TopicPartition], int | None] = {}
    idle: list[str] = []
    async with admin(endpoints) as client:
        for group_id, *_ in await client.list_consumer_groups():
            offsets = await client.list_consumer_group_offsets(group_id)
            if not offsets:
                idle.append(group_id)
            for tp, meta in offsets.items():
                committed[(group_id, tp)] = meta.offset if meta.offset >= 0 else None
    partitions = sorted({tp for _, tp in committed})
    async with reader(endpoints) as consumer:
        ends = await consumer.end_offsets(partitions) if partitions else {}
    rows = [
        PartitionLag(group, tp.topic, tp.partition, offset, ends[tp])
        for (group, tp), offset in committed.items()
    ]
    async with databases(endpoints) as mongo:
        backlog = await outbox_backlog(mongo)
    return rows, idle, backlog

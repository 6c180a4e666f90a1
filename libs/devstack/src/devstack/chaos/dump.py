"""With `--keep-logs`: the payment, activation and reconciliation topics, the reconciler's table
changelog and its committed offsets, as JSON lines beside the logs, to follow one payment."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from pathlib import Path

from aiokafka.admin import AIOKafkaAdminClient

from contracts.topics import Topic
from devstack.chaos.topics import every_record
from reconciler.topics import APP_ID, FACTS_CHANGELOG


@dataclass(frozen=True)
class _Named:
    value: str


def dump_topics(bootstrap: str, folder: Path) -> None:
    rows, committed = asyncio.run(_read(bootstrap))
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "records.jsonl").open("w", encoding="utf-8") as out:
        out.writelines(json.dumps(row) + "\n" for row in rows)
    (folder / "reconciler-offsets.json").write_text(json.dumps(committed, indent=1))


async def _read(bootstrap: str) -> tuple[list[dict[str, object]], dict[str, int]]:
    names = (Topic.PAYMENTS.value, Topic.ACTIVATIONS.value, Topic.RECONCILIATION.value)
    topics = [_Named(name) for name in (*names, FACTS_CHANGELOG)]
    records = await every_record(bootstrap, topics)  # type: ignore[arg-type]
    rows: list[dict[str, object]] = []
    for record in records:
        headers = {name: raw.decode(errors="replace") for name, raw in record.headers}
        rows.append(
            {
                "topic": record.topic,
                "partition": record.partition,
                "offset": record.offset,
                "timestamp": record.timestamp,
                "key": (record.key or b"").decode(errors="replace"),
                "type": headers.get("ce_type"),
                "value": (record.value or b"").decode(errors="replace")
                if record.topic == FACTS_CHANGELOG
                else None,
            }
        )
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        offsets = await admin.list_consumer_group_offsets(APP_ID)
    finally:
        await admin.close()
    committed = {f"{tp.topic}:{tp.partition}": meta.offset for tp, meta in offsets.items()}
    return rows, committed

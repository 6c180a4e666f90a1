"""Every record of some topics from the start to now, and each one checked against its schema in
`docs/asyncapi.json` (the CloudEvents headers and the data of the message its type names)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeAlias

from aiokafka import AIOKafkaConsumer
from aiokafka.structs import ConsumerRecord, TopicPartition
from jsonschema import Draft202012Validator

from contracts.topics import PARTITIONS, Topic

Record: TypeAlias = "ConsumerRecord[bytes, bytes]"


async def every_record(
    bootstrap: str, topics: Iterable[Topic], key: str | None = None
) -> list[Record]:
    """Every record on the topics (only those keyed by `key`, when given), as of now."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None)
    await consumer.start()
    found: list[Record] = []
    try:
        partitions = [TopicPartition(t.value, p) for t in topics for p in range(PARTITIONS)]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        while [tp for tp, end in ends.items() if await consumer.position(tp) < end]:
            for records in (await consumer.getmany(timeout_ms=500)).values():
                found += [r for r in records if key is None or r.key == key.encode()]
    finally:
        await consumer.stop()
    return found


@dataclass
class AsyncApiSchemas:
    """The published contract: which messages each topic carries and each message's schemas."""

    document: dict[str, Any]
    _validators: dict[str, Draft202012Validator] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> AsyncApiSchemas:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    @cached_property
    def _messages_by_topic(self) -> dict[str, dict[str, str]]:
        """topic → event type → the message's name in components.messages."""
        messages = self.document["components"]["messages"]
        found: dict[str, dict[str, str]] = {}
        for channel in self.document["channels"].values():
            names = [ref["$ref"].rsplit("/", 1)[1] for ref in channel["messages"].values()]
            found[channel["address"]] = {messages[name]["name"]: name for name in names}
        return found

    def _validator(self, pointer: str) -> Draft202012Validator:
        if pointer not in self._validators:
            self._validators[pointer] = Draft202012Validator({**self.document, "$ref": pointer})
        return self._validators[pointer]

    def problems(self, record: Record) -> list[str]:
        """Why the record does not match its topic's contract; empty when it does."""
        headers = {name: raw.decode(errors="replace") for name, raw in record.headers}
        event_type = headers.get("ce_type", "")
        name = self._messages_by_topic.get(record.topic, {}).get(event_type)
        if name is None:
            return [f"{event_type or 'no ce_type'} is not a message of {record.topic}"]
        try:
            data = json.loads(record.value or b"")
        except ValueError:
            return ["its value is not JSON"]
        message = f"#/components/messages/{name}"
        checks = (("headers", headers), ("payload", data))
        return [
            f"{part}: {error.message}"
            for part, value in checks
            for error in self._validator(f"{message}/{part}").iter_errors(value)
        ]

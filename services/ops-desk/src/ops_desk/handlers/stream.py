"""The live event stream: every new event on the chosen topics that passes the filters, read as
`payportal events tail` reads them (a group-less reader, CloudEvents headers decoded)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

from contracts.envelope import Envelope
from ops_desk.handlers.context import OpsDesk
from payportal.kafka_io import partitions, position, reader, records
from payportal.selection import EventFilter, FromEnd


@dataclass(frozen=True)
class StreamFilter:
    topics: tuple[str, ...]
    types: tuple[str, ...] = ()
    subject: str | None = None  # a payment id (or another subject): events about it only


@dataclass(frozen=True)
class LiveEvent:
    topic: str
    partition: int
    offset: int
    envelope: Envelope


async def follow(desk: OpsDesk, wanted: StreamFilter) -> AsyncIterator[LiveEvent | None]:
    """None first, once the reader stands at the current end of every partition (so whatever
    comes after is new); then each wanted event as it arrives, until the caller stops."""
    keep = EventFilter(types=wanted.types, about=wanted.subject)
    async with reader(desk.endpoints) as consumer:
        assigned = await partitions(consumer, list(wanted.topics), desk.endpoints)
        ends = await position(consumer, assigned, FromEnd())
        yield None
        async for record in records(consumer, ends, follow=True):
            if record.envelope is not None and keep.keeps(record.envelope):
                yield LiveEvent(record.topic, record.partition, record.offset, record.envelope)

"""The transactional outbox inside the aggregate's own document, and the relay that publishes it.

A state change and the events it causes are one single-document write (`AggregateStore`); the
relay publishes pending events with an idempotent producer and only then removes them from the
document. Writers tell the relay which document to look at; a periodic sweep catches the rest
(after a crash, or while the broker was away).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import OrderedDict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from aiokafka import AIOKafkaProducer
from pymongo.asynchronous.collection import AsyncCollection

from contracts.envelope import Envelope, to_kafka
from servicekit.locks import AggregateLocks
from servicekit.metrics import EVENTS_PUBLISHED, OUTBOX_FAILURES, observe_outbox
from servicekit.mongo import Document
from servicekit.outbox_documents import (
    NO_TRACES,
    OUTBOX,
    PENDING,
    TracesUntilSent,
    clear_if_only,
    lock_key,
    read_event,
    remove_sent,
    stored_event,
)
from servicekit.retry import until_written
from servicekit.tracing import Carrier, trace_headers

log = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 5.0
RECENTLY_SENT_KEPT = 10_000


class OutboxRelay:
    """Publishes what the collections' outboxes hold; the broker being down only delays it."""

    def __init__(
        self,
        collections: Sequence[AsyncCollection[Document]],
        producer: AIOKafkaProducer,
        locks: AggregateLocks,
        sweep_seconds: float,
    ) -> None:
        self._collections = {collection.name: collection for collection in collections}
        self._producer = producer
        self._locks = locks
        self._sweep_seconds = sweep_seconds
        self._recently_sent: OrderedDict[str, None] = OrderedDict()
        self._traces = TracesUntilSent(RECENTLY_SENT_KEPT)
        self._due: asyncio.Queue[tuple[str, Any, tuple[Envelope, ...]]] = asyncio.Queue()

    def notify(
        self,
        collection: AsyncCollection[Document],
        document_id: Any,
        events: Sequence[Envelope],
        traces: Sequence[Carrier] = NO_TRACES,
    ) -> None:
        """A writer just stored these events (and their traces) in this document: publish them
        now, without reading them back; the sweep still catches anything this misses."""
        self._traces.keep(zip((event.id for event in events), traces, strict=False))
        self._due.put_nowait((collection.name, document_id, tuple(events)))

    async def run(self) -> None:
        failures = 0
        while True:
            try:
                if failures:
                    await asyncio.sleep(min(self._sweep_seconds * 2**failures, MAX_BACKOFF_SECONDS))
                    await self.sweep()
                elif await self._work_arrives(self._sweep_seconds):
                    await self._publish_due()
                else:
                    await self.sweep()  # the periodic safety net
                failures = 0
            except Exception:
                failures = min(failures + 1, 6)
                OUTBOX_FAILURES.inc()
                log.warning("outbox relay could not publish; will retry", exc_info=True)

    async def sweep(self) -> int:
        """One pass over every outbox; returns how many events were published."""
        while not self._due.empty():  # the sweep covers them
            self._due.get_nowait()
        published = 0
        for collection in self._collections.values():
            waiting = [doc async for doc in collection.find({PENDING: True}, {OUTBOX: 1})]
            unsent = [raw for document in waiting for raw in document.get(OUTBOX, [])]
            observe_outbox(collection.name, unsent, datetime.now(UTC))
            for document in waiting:
                published += await self._publish(collection, document)
        return published

    async def _work_arrives(self, seconds: float) -> bool:
        if not self._due.empty():
            return True
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                self._due.put_nowait(await self._due.get())
                return True
        return False

    async def _publish_due(self) -> None:
        """Documents side by side, each document's events in the order they were written."""
        by_document: dict[tuple[str, Any], list[tuple[Envelope, ...]]] = {}
        while not self._due.empty():
            name, document_id, events = self._due.get_nowait()
            by_document.setdefault((name, document_id), []).append(events)

        async def in_order(
            name: str, document_id: Any, batches: list[tuple[Envelope, ...]]
        ) -> None:
            for position, events in enumerate(batches):
                try:
                    await self._publish_events(self._collections[name], document_id, events)
                except Exception:
                    for unsent in batches[position:]:  # keep them due, in order
                        self._due.put_nowait((name, document_id, unsent))
                    raise

        results = await asyncio.gather(
            *(in_order(name, doc_id, batches) for (name, doc_id), batches in by_document.items()),
            return_exceptions=True,
        )
        failed = [result for result in results if isinstance(result, BaseException)]
        if failed:
            raise failed[0]

    async def _publish(self, collection: AsyncCollection[Document], document: Document) -> int:
        outbox = document.get(OUTBOX, [])
        events = [read_event(raw) for raw in outbox]
        self._traces.keep((envelope.id, trace) for envelope, trace in events)
        envelopes = [envelope for envelope, _ in events]
        return await self._publish_events(collection, document["_id"], envelopes, outbox)

    async def _publish_events(
        self,
        collection: AsyncCollection[Document],
        document_id: Any,
        envelopes: Sequence[Envelope],
        as_written: Sequence[Document] | None = None,
    ) -> int:
        """`as_written`: the outbox as read (sweep); by default just these events (a writer's
        notice), which is what the outbox holds unless another write pushed more."""
        if as_written is None:
            as_written = [stored_event(e, self._traces.of(e.id)) for e in envelopes]
        # A sweep can meet a document a writer has just pointed at: send each event once, but
        # still clear from the outbox what an earlier pass sent.
        written = {envelope.id for envelope in envelopes}
        envelopes = [envelope for envelope in envelopes if envelope.id not in self._recently_sent]
        deliveries = []
        for envelope in envelopes:
            key, value, headers = to_kafka(envelope)
            headers += trace_headers(self._traces.of(envelope.id))  # W3C trace context
            deliveries.append(
                await self._producer.send(envelope.topic(), value=value, key=key, headers=headers)
            )
        await asyncio.gather(*deliveries)
        for envelope in envelopes:
            self._recently_sent[envelope.id] = None
        while len(self._recently_sent) > RECENTLY_SENT_KEPT:
            self._recently_sent.popitem(last=False)
        await self._mark_sent(collection, document_id, written, as_written)
        self._traces.forget(written)
        for envelope in envelopes:
            EVENTS_PUBLISHED.labels(type=envelope.type).inc()
        return len(envelopes)

    async def _mark_sent(
        self,
        collection: AsyncCollection[Document],
        document_id: Any,
        sent: set[str],
        as_written: Sequence[Document] | None = None,
    ) -> None:
        async with self._locks.hold(lock_key(collection, document_id)):
            if as_written is not None and await clear_if_only(
                collection, document_id, as_written, sent
            ):
                return
            await until_written(
                lambda: remove_sent(collection, document_id, sent),
                f"clearing the outbox of {lock_key(collection, document_id)}",
            )

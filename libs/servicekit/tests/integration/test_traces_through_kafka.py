"""A payment's trace goes through the outbox, the Kafka record's `traceparent` header and the
consumer: the handler's span is the child of the span that wrote the event, and what the handler
writes carries the trace on. Spans are caught by the SDK's in-memory exporter."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime

import pytest
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from contracts.envelope import Envelope
from contracts.events import PaymentExpired
from contracts.ids import new_id
from devstack.stack import Stack
from servicekit.consumer import IdempotentConsumer
from servicekit.kafka import create_producer
from servicekit.locks import AggregateLocks
from servicekit.mongo import create_mongo_client
from servicekit.outbox import OutboxRelay
from servicekit.outbox_documents import create_outbox_index
from servicekit.store import AggregateStore
from servicekit.tracing import configure_tracing, stop_tracing, tracer

pytestmark = pytest.mark.integration


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    configure_tracing("traces-test", SimpleSpanProcessor(exporter))
    yield exporter
    stop_tracing()


def expired(payment_id: str) -> Envelope:
    now = datetime.now(UTC)
    event = PaymentExpired(payment_id=payment_id, expired_at=now)
    return Envelope.wrap(event, event_id=new_id("evt"), source="/test/traces", time=now)


@contextlib.asynccontextmanager
async def two_services(
    infrastructure: Stack, first: str, follow_up: str | None = None
) -> AsyncIterator[AggregateStore]:
    """A sender's store and a receiver whose handler, on `first`'s event, writes `follow_up`'s."""
    client = create_mongo_client(infrastructure.mongo_url)
    run = uuid.uuid4().hex[:8]
    database = client[f"traces_{run}"]
    await create_outbox_index(database["payments"])
    producer = create_producer(infrastructure.kafka_bootstrap, f"test-{run}")
    await producer.start()
    locks = AggregateLocks()
    relay = OutboxRelay([database["payments"]], producer, locks, sweep_seconds=0.5)
    payments = AggregateStore(database["payments"], locks, relay, "/test/traces")

    async def handle(envelope: Envelope) -> None:
        if envelope.subject == first and follow_up is not None:
            await payments.insert({"_id": follow_up}, [expired(follow_up)])

    consumer = IdempotentConsumer(
        bootstrap=infrastructure.kafka_bootstrap,
        group_id=f"traces-{run}",
        topics=["payments.v1"],
        database=database,
        handle=handle,
        handles_event=lambda envelope: envelope.subject in (first, follow_up),
    )
    tasks = [asyncio.create_task(relay.run()), asyncio.create_task(consumer.run())]
    try:
        yield payments
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await producer.stop()
        await client.close()


async def finished(exporter: InMemorySpanExporter, consumed: int) -> list[ReadableSpan]:
    for _ in range(150):
        found = exporter.get_finished_spans()
        if sum(span.kind is SpanKind.CONSUMER for span in found) >= consumed:
            return list(found)
        await asyncio.sleep(0.2)
    raise AssertionError(f"the consumer's spans never came: {[s.name for s in found]}")


def parent_of(span: ReadableSpan, spans: list[ReadableSpan]) -> ReadableSpan:
    assert span.parent is not None, f"{span.name} has no parent"
    return next(s for s in spans if s.context.span_id == span.parent.span_id)


def consumed(spans: list[ReadableSpan], subject: str) -> ReadableSpan:
    return next(
        s
        for s in spans
        if s.kind is SpanKind.CONSUMER and s.attributes["cloudevents.event_subject"] == subject
    )


async def test_the_consumer_works_in_the_trace_of_the_request_that_wrote_the_event(
    infrastructure: Stack, spans: InMemorySpanExporter
) -> None:
    payment_id, follow_up = new_id("pay"), new_id("pay")
    traces = tracer()
    assert traces is not None
    async with two_services(infrastructure, payment_id, follow_up) as payments:
        with traces.start_as_current_span("POST /api/payments", kind=SpanKind.SERVER) as request:
            await payments.insert({"_id": payment_id}, [expired(payment_id)])
        found = await finished(spans, consumed=2)

    handled = consumed(found, payment_id)
    written = parent_of(handled, found)
    assert (written.kind, written.name) == (SpanKind.PRODUCER, "payments.v1 create")
    assert parent_of(written, found).context.span_id == request.get_span_context().span_id
    # What the handler wrote is the next link of the same trace.
    then = consumed(found, follow_up)
    assert parent_of(parent_of(then, found), found).context.span_id == handled.context.span_id
    assert {s.context.trace_id for s in found} == {request.get_span_context().trace_id}


async def test_a_later_change_from_another_trace_stays_in_the_payments_trace_linked(
    infrastructure: Stack, spans: InMemorySpanExporter
) -> None:
    payment_id = new_id("pay")
    traces = tracer()
    assert traces is not None
    async with two_services(infrastructure, payment_id) as payments:
        with traces.start_as_current_span("POST /api/payments", kind=SpanKind.SERVER) as created:
            await payments.insert({"_id": payment_id, "state": "initiated"}, [])
        with traces.start_as_current_span("POST /bank-callbacks", kind=SpanKind.SERVER) as later:
            lost = await payments.update(  # another replica moved it first: nothing written
                payment_id, {"state": "debited"}, {"$set": {"state": "x"}}, [expired(payment_id)]
            )
            changed = await payments.update(
                payment_id,
                {"state": "initiated"},
                {"$set": {"state": "expired"}},
                [expired(payment_id)],
            )
        assert (lost, changed) == (False, True)
        found = await finished(spans, consumed=1)

    written = parent_of(consumed(found, payment_id), found)
    assert [s for s in found if s.kind is SpanKind.PRODUCER] == [written]  # none for the lost one
    assert written.context.trace_id == created.get_span_context().trace_id
    assert [link.context.span_id for link in written.links] == [later.get_span_context().span_id]

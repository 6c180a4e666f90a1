"""One payment is one trace: from the customer's request through checkout, the provider gateway
and the reconciler, each consumer's span the child of the span that wrote its event. The stack's
services export over OTLP to the test's receiver (devstack.traces)."""

from __future__ import annotations

import asyncio

import pytest

from devstack.traces import ReceivedSpan, TraceReceiver
from servicekit.tracing import NoCardLikeIds
from tests.e2e.portal import FINAL_STATES, Portal, unique_phone

pytestmark = pytest.mark.e2e

COMPLETED = ("checkout", "payment-completed")  # the last event of a paid bill, and its writer


async def spans_until_completed(
    receiver: TraceReceiver, trace_id: str, our_span: str
) -> list[ReceivedSpan]:
    """The trace's spans, once the reconciler has read the completion and every span's parent
    has come too: each process sends its spans in its own batches, in its own time."""
    for _ in range(600):
        ours = [span for span in receiver.spans() if span.trace_id == trace_id]
        if read_the_completion(ours) and not orphans(ours, our_span):
            return ours
        await asyncio.sleep(0.1)
    raise AssertionError(
        f"the trace is not whole: {summary(ours)}; without parent: {summary(orphans(ours, our_span))}"
    )


def read_the_completion(spans: list[ReceivedSpan]) -> bool:
    return any(
        span.service == "reconciler"
        and span.attributes.get("cloudevents.event_type") == COMPLETED[1]
        for span in spans
    )


def orphans(spans: list[ReceivedSpan], our_span: str) -> list[ReceivedSpan]:
    """Spans whose parent is neither in the trace nor the caller's (our) span."""
    known = {span.span_id for span in spans} | {our_span}
    return [span for span in spans if span.parent_span_id not in known]


def summary(spans: list[ReceivedSpan]) -> list[str]:
    return sorted(f"{s.service}: {s.kind} {s.name}" for s in spans)


def producer_of(span: ReceivedSpan, spans: list[ReceivedSpan]) -> ReceivedSpan:
    parents = [s for s in spans if s.span_id == span.parent_span_id]
    assert parents, f"{span.service}'s {span.name} has no parent in the trace"
    return parents[0]


def written(spans: list[ReceivedSpan], service: str, event_type: str) -> ReceivedSpan:
    found = [
        s
        for s in spans
        if (s.service, s.kind) == (service, "PRODUCER")
        and s.attributes.get("cloudevents.event_type") == event_type
    ]
    assert len(found) == 1, f"{service} wrote {event_type} {len(found)} times: {summary(spans)}"
    return found[0]


async def test_a_paid_bill_is_one_trace_across_three_services(
    portal: Portal, trace_receiver: TraceReceiver
) -> None:
    ids = NoCardLikeIds()  # a traceparent the card-number scan will not flag where it is kept
    trace_id, our_span = f"{ids.generate_trace_id():032x}", f"{ids.generate_span_id():016x}"
    portal.http.headers["traceparent"] = f"00-{trace_id}-{our_span}-01"  # as a traced caller
    try:
        created = await portal.start_payment("azercell", unique_phone("50"), "4.00")
    finally:
        del portal.http.headers["traceparent"]
    await portal.pay_on_bank_page(created["payment_page_url"])
    assert (await portal.wait_for_state(created["payment_id"], FINAL_STATES))[
        "state"
    ] == "completed"

    spans = await spans_until_completed(trace_receiver, trace_id, our_span)

    assert {"checkout", "provider-gateway", "reconciler"} <= {s.service for s in spans}
    request = next(s for s in spans if s.kind == "SERVER" and s.service == "checkout")
    assert (request.name, request.parent_span_id) == ("POST /api/payments", our_span)
    # Every consumer works in the trace as the child of the span that wrote its event.
    for consumer in (s for s in spans if s.kind == "CONSUMER"):
        producer = producer_of(consumer, spans)
        assert producer.kind == "PRODUCER", summary(spans)
        assert (
            producer.attributes["messaging.message.id"]
            == consumer.attributes["messaging.message.id"]
        )
    # The chain: checkout debits → the provider gateway activates → checkout completes.
    debited = written(spans, "checkout", "card-debited")
    activated = written(spans, "provider-gateway", "provider-activated")
    completed = written(spans, *COMPLETED)
    assert producer_of(producer_of(activated, spans), spans).span_id == debited.span_id
    assert producer_of(producer_of(completed, spans), spans).span_id == activated.span_id
    # The bank's callback came without our trace: its change stays in the payment's, linked.
    callbacks = [s for s in trace_receiver.spans() if s.span_id in debited.links]
    assert [(s.service, s.kind) for s in callbacks] == [("checkout", "SERVER")]
    readers = {s.attributes["cloudevents.event_type"] for s in spans if s.service == "reconciler"}
    assert {
        "payment-initiated",
        "card-debited",
        "provider-activated",
        "payment-completed",
    } <= readers

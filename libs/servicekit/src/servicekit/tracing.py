"""Traces across services: W3C trace context from a request into the events it causes, and from
an event's Kafka headers into the handler that consumes it, whose own events carry it on.

Off unless `OTEL_EXPORTER_OTLP_ENDPOINT` is set (no provider, each hook one check: near-zero
cost); then spans go out over OTLP/HTTP (protobuf), named by the service.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass

from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.sdk.resources import SERVICE_NAME, Resource
from opentelemetry.sdk.trace import SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.sdk.trace.id_generator import RandomIdGenerator
from opentelemetry.trace import Link, Span, SpanKind, Tracer
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from contracts.envelope import Envelope, KafkaHeaders

Carrier = dict[str, str]  # `traceparent` (and `tracestate`), as W3C headers carry them
TRACE_HEADERS = ("traceparent", "tracestate")
_PROPAGATOR = TraceContextTextMapPropagator()
_DIGIT_RUN = re.compile(r"\d{7}")
_NOT_TRACED = nullcontext()
_provider: list[TracerProvider] = []  # the one this process traces with, once configured


def configure_tracing(service_name: str, processor: SpanProcessor | None = None) -> bool:
    """Traces from now on to `processor`, or over OTLP when the endpoint is set; whether on."""
    if processor is None:
        if not os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT"):
            return False
        # Imported only when tracing is on: a service that does not trace does not load them.
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        processor = BatchSpanProcessor(OTLPSpanExporter())
    stop_tracing()
    provider = TracerProvider(
        resource=Resource.create({SERVICE_NAME: service_name}), id_generator=NoCardLikeIds()
    )
    provider.add_span_processor(processor)
    _provider.append(provider)
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

    HTTPXClientInstrumentor().instrument(tracer_provider=provider)  # calls to the bank, providers
    return True


class NoCardLikeIds(RandomIdGenerator):
    """Random ids with no run of 7 decimal digits, so that no `traceparent` (stored with an
    aggregate, sent with its events) holds 13 digits in a row that a card-number scan would flag
    (`00-` trace `-` span `-01`: at most 2 + 6, 6 + 6 or 6 + 2 digits meet)."""

    def generate_span_id(self) -> int:
        return _drawn_until_fine(super().generate_span_id, 16)

    def generate_trace_id(self) -> int:
        return _drawn_until_fine(super().generate_trace_id, 32)


def _drawn_until_fine(draw: Callable[[], int], hex_digits: int) -> int:
    while True:  # one draw in a few is drawn again
        drawn = draw()
        if not _DIGIT_RUN.search(f"{drawn:0{hex_digits}x}"):
            return drawn


def stop_tracing() -> None:
    """Sends what is still buffered and turns tracing off."""
    while _provider:
        from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

        HTTPXClientInstrumentor().uninstrument()
        _provider.pop().shutdown()


def tracer() -> Tracer | None:
    return _provider[-1].get_tracer("servicekit") if _provider else None


def current_carrier() -> Carrier:
    """The trace context of the span running now (empty when tracing is off)."""
    carrier: Carrier = {}
    if _provider:
        _PROPAGATOR.inject(carrier)
    return carrier


@dataclass(frozen=True)
class EventTraces:
    """The PRODUCER spans of events about to be written, and their contexts to store with them."""

    carriers: list[Carrier]
    spans: list[Span]

    def written(self) -> None:
        """Ends the spans once the write holds: a write whose guard lost leaves no span behind."""
        for span in self.spans:
            span.end()


def event_traces(events: Sequence[Envelope], origin: Carrier | None = None) -> EventTraces:
    """One PRODUCER span per event written to an outbox; its context goes with the event, so the
    consumer's span is its child. `origin`: the trace the aggregate began in; a later change
    from another trace (a bank callback, a timer) stays in it, linked to what caused it."""
    traces = tracer()
    if traces is None:
        return EventTraces([{} for _ in events], [])
    parent: Context | None = None
    links: list[Link] = []
    now = trace.get_current_span().get_span_context()
    began = trace.get_current_span(_PROPAGATOR.extract(origin or {})).get_span_context()
    if began.is_valid and began.trace_id != now.trace_id:
        parent = _PROPAGATOR.extract(origin or {})
        links = [Link(now)] if now.is_valid else []
    carriers, spans = [], []
    for event in events:
        topic = event.topic()
        span = traces.start_span(
            f"{topic} create",
            context=parent,
            kind=SpanKind.PRODUCER,
            links=links,
            attributes=_event_attributes(event, topic),
        )
        carrier: Carrier = {}
        _PROPAGATOR.inject(carrier, context=trace.set_span_in_context(span))
        carriers.append(carrier)
        spans.append(span)
    return EventTraces(carriers, spans)


def trace_headers(carrier: Carrier | None) -> KafkaHeaders:
    """The record headers that carry an event's trace context to its consumers."""
    return [(name, carrier[name].encode()) for name in TRACE_HEADERS if carrier and name in carrier]


def published_headers(event: Envelope) -> KafkaHeaders:
    """For an event sent at once (no outbox): its PRODUCER span, as record headers."""
    traced = event_traces([event])
    traced.written()
    return trace_headers(traced.carriers[0])


def consuming(event: Envelope, topic: str, headers: KafkaHeaders) -> AbstractContextManager[None]:
    """Runs the handling of a consumed event in a CONSUMER span, child of the span that wrote it."""
    traces = tracer()
    return _NOT_TRACED if traces is None else _consumer_span(traces, event, topic, headers)


@contextmanager
def _consumer_span(
    traces: Tracer, event: Envelope, topic: str, headers: KafkaHeaders
) -> Iterator[None]:
    carrier = {name: value.decode("latin-1") for name, value in headers if name in TRACE_HEADERS}
    with traces.start_as_current_span(
        f"{topic} process",
        context=_PROPAGATOR.extract(carrier),
        kind=SpanKind.CONSUMER,
        attributes=_event_attributes(event, topic),
    ):
        yield


def _event_attributes(event: Envelope, topic: str) -> dict[str, str]:
    return {
        "messaging.system": "kafka",
        "messaging.destination.name": topic,
        "messaging.message.id": event.id,
        "cloudevents.event_type": event.type,
        "cloudevents.event_subject": event.subject,
    }

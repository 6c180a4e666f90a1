"""A SERVER span around each HTTP request while tracing is on, child of the caller's
`traceparent`; plain ASGI like `servicekit.observe`, and a pass-through when tracing is off."""

from __future__ import annotations

from opentelemetry.trace import SpanKind, Status, StatusCode
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from servicekit.observe import route_label
from servicekit.tracing import TRACE_HEADERS, tracer

_PROPAGATOR = TraceContextTextMapPropagator()
_WANTED = {name.encode() for name in TRACE_HEADERS}


class TraceRequests:
    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        traces = tracer()
        if traces is None or scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        carrier = {
            name.decode(): value.decode("latin-1")
            for name, value in scope["headers"]
            if name in _WANTED
        }
        method = scope["method"]
        with traces.start_as_current_span(
            method,
            context=_PROPAGATOR.extract(carrier),
            kind=SpanKind.SERVER,
            attributes={"http.request.method": method, "url.path": scope["path"]},
        ) as span:
            status = 500

            async def send_seen(message: Message) -> None:
                nonlocal status
                if message["type"] == "http.response.start":
                    status = message["status"]
                await send(message)

            try:
                await self._app(scope, receive, send_seen)
            finally:
                route = route_label(scope)
                span.update_name(f"{method} {route}")
                span.set_attribute("http.route", route)
                span.set_attribute("http.response.status_code", status)
                if status >= 500:
                    span.set_status(Status(StatusCode.ERROR))

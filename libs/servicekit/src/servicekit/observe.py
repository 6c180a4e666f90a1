"""Correlation id, latency and request count of every HTTP request, as plain ASGI middleware.

Plain ASGI rather than `BaseHTTPMiddleware`: that one runs each request through an extra task and
memory streams, which cost more CPU than the request itself on the hot paths.
"""

from __future__ import annotations

import time
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from servicekit.logs import correlation_id
from servicekit.metrics import HTTP_LATENCY, HTTP_REQUESTS

CORRELATION_HEADER = "X-Correlation-Id"
_HEADER_KEY = CORRELATION_HEADER.lower().encode()


class ObserveRequests:
    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        incoming = _header(scope, _HEADER_KEY)
        current = (
            incoming if 0 < len(incoming) <= 64 and incoming.isprintable() else uuid.uuid4().hex
        )
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [
                    (name, value)
                    for name, value in message.get("headers", ())
                    if name.lower() != _HEADER_KEY
                ]
                headers.append((_HEADER_KEY, current.encode()))
                message = {**message, "headers": headers}
            await send(message)

        token = correlation_id.set(current)
        started = time.perf_counter()
        try:
            await self._app(scope, receive, send_with_id)
        finally:
            correlation_id.reset(token)
            path = route_label(scope)
            method = scope["method"]
            HTTP_LATENCY.labels(method, path).observe(time.perf_counter() - started)
            HTTP_REQUESTS.labels(method, path, str(status)).inc()


def _header(scope: Scope, key: bytes) -> str:
    for name, value in scope["headers"]:
        if name == key:
            return str(value.decode("latin-1"))
    return ""


def route_label(scope: Scope) -> str:
    """The path with its parameters as `{name}`, so metrics do not grow a series per payment."""
    if scope.get("route") is None:
        return "unmatched"
    label = str(scope["path"])
    for name, value in scope.get("path_params", {}).items():
        label = label.replace(f"/{value}", f"/{{{name}}}", 1)
    return label

"""The registry's request signature, checked with the standard library only.

`X-Client-Id: portal`, `X-Timestamp` (unix seconds, within the window of the registry's clock) and
`X-Signature: hex(HMAC-SHA256(secret, "{timestamp}.{METHOD}.{path}.{body}"))`.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute

from sandboxes.mcqs.registry import McqsRegistry

CLIENT_ID = "portal"


def signature(secret: str, timestamp: str, method: str, path: str, body: bytes) -> str:
    message = f"{timestamp}.{method.upper()}.{path}.".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def is_signed(request: Request, body: bytes, registry: McqsRegistry) -> bool:
    timestamp = request.headers.get("x-timestamp", "")
    given = request.headers.get("x-signature", "")
    if request.headers.get("x-client-id") != CLIENT_ID or not timestamp.isdigit():
        return False
    if abs(registry.clock() - int(timestamp)) > registry.settings.signature_window_seconds:
        return False
    secret = registry.settings.mcqs_secret.get_secret_value()
    expected = signature(secret, timestamp, request.method, request.url.path, body)
    return hmac.compare_digest(expected, given.lower())


class SignedRoute(APIRoute):
    """Answers 401 `{"error": "bad_signature"}` before the handler runs."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def checked(request: Request) -> Response:
            registry: McqsRegistry = request.app.state.mcqs
            if not is_signed(request, await request.body(), registry):
                return JSONResponse({"error": "bad_signature"}, status_code=401)
            return await handler(request)

        return checked

"""The REST family's request signature, checked the way the provider would (stdlib hmac only).

`X-Signature: hex(HMAC-SHA256(secret, "{timestamp}.{METHOD}.{path}.{body}"))`, `X-Api-Key: portal`,
and an `X-Timestamp` (unix seconds) no further than the window from the provider's clock.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute

from sandboxes.providers.sandbox import ProviderSandbox

EXPECTED_API_KEY = "portal"


def expected_signature(secret: str, timestamp: str, method: str, path: str, body: bytes) -> str:
    message = f"{timestamp}.{method.upper()}.{path}.".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def request_is_signed(request: Request, body: bytes, sandbox: ProviderSandbox) -> bool:
    timestamp = request.headers.get("x-timestamp", "")
    signature = request.headers.get("x-signature", "")
    if request.headers.get("x-api-key") != EXPECTED_API_KEY or not timestamp.isdigit():
        return False
    if abs(sandbox.store.clock() - int(timestamp)) > sandbox.settings.signature_window_seconds:
        return False
    secret = sandbox.settings.provider_secret.get_secret_value()
    expected = expected_signature(secret, timestamp, request.method, request.url.path, body)
    return hmac.compare_digest(expected, signature.lower())


class SignedRoute(APIRoute):
    """A route that answers 401 `{"error": "bad_signature"}` before its handler runs."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def checked(request: Request) -> Response:
            sandbox: ProviderSandbox = request.app.state.providers
            if not request_is_signed(request, await request.body(), sandbox):
                return JSONResponse({"error": "bad_signature"}, status_code=401)
            return await handler(request)

        return checked

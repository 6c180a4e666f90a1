"""Request signatures of the REST provider family (the same scheme as the bank's).

`X-Signature: hex(HMAC-SHA256(secret, "{timestamp}.{METHOD}.{path}.{body}"))`, where `path` is the
URL path without the query and `body` the raw bytes sent (empty for GET).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx

from servicekit.signing import request_signature

API_KEY = "portal"


def sign_request(
    request: httpx.Request, secret: str, clock: Callable[[], float] = time.time
) -> httpx.Request:
    """Adds the signature headers to a built request, signing exactly the path and body it sends."""
    timestamp = int(clock())
    request.headers["X-Api-Key"] = API_KEY
    request.headers["X-Timestamp"] = str(timestamp)
    request.headers["X-Signature"] = request_signature(
        secret, timestamp, request.method, request.url.path, request.content
    )
    return request

"""The request signature our partners' APIs share (the bank's merchant API, REST providers):
`hex(HMAC-SHA256(secret, "{timestamp}.{METHOD}.{path}.{body}"))`, path without the query."""

from __future__ import annotations

import hashlib
import hmac


def request_signature(secret: str, timestamp: int, method: str, path: str, body: bytes) -> str:
    message = f"{timestamp}.{method.upper()}.{path}.".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()

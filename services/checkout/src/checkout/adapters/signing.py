"""HMAC-SHA256 signatures of the bank's callbacks (docs/protocols.md §1); requests to the bank
are signed with `servicekit.signing`."""

from __future__ import annotations

import hashlib
import hmac

CALLBACK_WINDOW_SECONDS = 300


def callback_signature(secret: str, timestamp: str, body: bytes) -> str:
    return hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


def callback_is_authentic(
    secret: str, timestamp: str | None, signature: str | None, body: bytes, now: float
) -> bool:
    """True when the signature matches and the timestamp is within the replay window."""
    if not timestamp or not signature or not timestamp.isdigit():
        return False
    if abs(now - int(timestamp)) > CALLBACK_WINDOW_SECONDS:
        return False
    return hmac.compare_digest(callback_signature(secret, timestamp, body), signature)

"""HMAC-SHA256 signatures of the bank protocol, written here so a bug on checkout's side shows."""

from __future__ import annotations

import hashlib
import hmac

SIGNATURE_WINDOW_SECONDS = 300


def _hex_hmac(secret: str, message: bytes) -> str:
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def merchant_signature(secret: str, timestamp: str, method: str, path: str, body: bytes) -> str:
    """`hex(HMAC-SHA256(merchant_secret, "{timestamp}.{METHOD}.{path}.{body}"))`."""
    return _hex_hmac(secret, f"{timestamp}.{method.upper()}.{path}.".encode() + body)


def callback_signature(secret: str, timestamp: str, body: bytes) -> str:
    """`hex(HMAC-SHA256(callback_secret, "{timestamp}.{body}"))`."""
    return _hex_hmac(secret, f"{timestamp}.".encode() + body)


def is_fresh(timestamp: str, now_unix: float) -> bool:
    """Whether a `<unix seconds>` header is well formed and within ±300 s of now."""
    if not timestamp.isascii() or not timestamp.isdigit():
        return False
    return abs(int(timestamp) - now_unix) <= SIGNATURE_WINDOW_SECONDS


def is_valid_merchant_request(
    secret: str, timestamp: str, signature: str, method: str, path: str, body: bytes
) -> bool:
    expected = merchant_signature(secret, timestamp, method, path, body)
    return hmac.compare_digest(expected.encode(), signature.encode())

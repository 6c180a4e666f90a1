"""What both protocol adapters need from an HTTP answer: a bounded body and the Retry-After hint."""

from __future__ import annotations

import httpx

from provider_gateway.adapters.base import ProviderUnavailableError

MAX_ANSWER_BYTES = 64 * 1024


def retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "")
    return float(value) if value.isdigit() else None


async def read_bounded(response: httpx.Response) -> bytes:
    """The answer's body; a provider that sends more than we would ever need is unusable."""
    body = bytearray()
    async for chunk in response.aiter_bytes():
        body += chunk
        if len(body) > MAX_ANSWER_BYTES:
            raise ProviderUnavailableError(f"answer larger than {MAX_ANSWER_BYTES} bytes")
    return bytes(body)

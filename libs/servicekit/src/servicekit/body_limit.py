"""Refuses request bodies over a size limit before they are read into memory (413 problem)."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

_PROBLEM = {
    "type": "/problems/payload_too_large",
    "title": "The request is too large.",
    "status": 413,
    "code": "payload_too_large",
    "message": {"az": "Sorğu çox böyükdür.", "en": "The request is too large."},
}


class BodySizeLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self._app = app
        self._max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self._max_bytes):
            await _refuse(send)
            return
        if declared is not None:
            await self._app(scope, receive, send)
            return
        # No declared length (chunked): read it here, bounded, then hand it on.
        buffered: list[Message] = []
        received = 0
        while True:
            message = await receive()
            buffered.append(message)
            received += len(message.get("body", b""))
            if received > self._max_bytes:
                await _refuse(send)
                return
            if message["type"] != "http.request" or not message.get("more_body", False):
                break

        async def replay() -> Message:
            return buffered.pop(0) if buffered else await receive()

        await self._app(scope, replay, send)


async def _refuse(send: Send) -> None:
    body = json.dumps(_PROBLEM).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})

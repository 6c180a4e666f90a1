"""The live event stream as server-sent events. EventSource sends no headers, so a signed-in
ops member first asks for a ticket (POST, bearer token), then opens the stream with it."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from contracts.topics import Topic
from ops_desk.entrypoints.access import DeskDep, OpsDep, ticket_holder
from ops_desk.entrypoints.views import live_event
from ops_desk.handlers.errors import SourcesUnavailableError, translated
from ops_desk.handlers.stream import LiveEvent, StreamFilter, follow
from ops_desk.handlers.tickets import hand_out_ticket
from servicekit.openapi import binary_success, problem_responses

router = APIRouter(prefix="/api/ops/events", tags=["events"])
HEARTBEAT_SECONDS = 15.0  # a comment line now and then keeps proxies from closing a quiet stream


@router.post("/stream-ticket")
async def stream_ticket(desk: DeskDep, ops: OpsDep) -> dict[str, Any]:
    return {
        "ticket": hand_out_ticket(desk, ops),
        "expires_in": int(desk.tickets.lifetime.total_seconds()),
    }


@router.get(
    "/stream",
    dependencies=[Depends(ticket_holder)],
    response_class=StreamingResponse,
    responses=binary_success("text/event-stream")
    | problem_responses({401: ["invalid_stream_ticket", "stream_ticket_used"]}),
)
async def stream(
    desk: DeskDep,
    topic: Annotated[list[Topic] | None, Query()] = None,
    event_type: Annotated[list[str] | None, Query(alias="type", max_length=64)] = None,
    subject: Annotated[str | None, Query(max_length=64)] = None,
) -> StreamingResponse:
    """`ready` once the reader stands at the end of every topic, then one `event` per new event
    that passes the filters (topics, types, a subject or the payment its data names)."""
    wanted = StreamFilter(
        tuple(item.value for item in topic or list(Topic)), tuple(event_type or ()), subject
    )
    events = follow(desk, wanted)
    with translated(SourcesUnavailableError):  # a broker that is away is a 503, not a stream
        await anext(events)
    return StreamingResponse(
        _framed(events),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


async def _framed(events: AsyncIterator[LiveEvent | None]) -> AsyncIterator[str]:
    queue: asyncio.Queue[LiveEvent | None] = asyncio.Queue(maxsize=1000)

    async def pump() -> None:
        try:
            async for event in events:
                await queue.put(event)
        finally:
            await queue.put(None)  # the reader stopped (the broker went away): end the stream

    reading = asyncio.create_task(pump())
    try:
        yield "retry: 3000\nevent: ready\ndata: {}\n\n"
        while True:
            try:
                item = await asyncio.wait_for(queue.get(), HEARTBEAT_SECONDS)
            except TimeoutError:
                yield ": still here\n\n"
                continue
            if item is None:
                return
            body = json.dumps(live_event(item), ensure_ascii=False)
            yield f"id: {item.envelope.id}\nevent: event\ndata: {body}\n\n"
    finally:
        reading.cancel()
        with contextlib.suppress(BaseException):
            await reading
        with contextlib.suppress(BaseException):
            await events.aclose()  # type: ignore[attr-defined]

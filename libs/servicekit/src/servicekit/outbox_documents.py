"""How the outbox lives in an aggregate's document: events go in with the change that caused them
(one write), and what the relay published comes out without losing an event that a writer in
another process pushed meanwhile (one guarded write when the outbox holds just what was sent, else
read, remove what was sent, and write back only if nothing changed)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any

from pymongo.asynchronous.collection import AsyncCollection

from contracts.envelope import Envelope
from servicekit.mongo import Document
from servicekit.retry import LOST, Lost
from servicekit.tracing import Carrier

OUTBOX = "outbox"
PENDING = "outbox_pending"
TRACE = "trace"  # beside an event: the trace context it was written in (servicekit.tracing)
NO_TRACES: Sequence[Carrier] = ()


async def create_outbox_index(collection: AsyncCollection[Document]) -> None:
    """Lets MongoDB find pending outboxes fast (FerretDB scans anyway)."""
    await collection.create_index(PENDING)


def lock_key(collection: AsyncCollection[Document], document_id: Any) -> str:
    return f"{collection.name}:{document_id}"


def with_events(
    update: dict[str, Any], events: Sequence[Envelope], traces: Sequence[Carrier] = NO_TRACES
) -> dict[str, Any]:
    """Adds the events to an update document, so they are stored by the same write."""
    if not events:
        return update
    merged = {operator: dict(fields) for operator, fields in update.items()}
    stored = [stored_event(event, trace) for event, trace in _traced(events, traces)]
    merged.setdefault("$push", {})[OUTBOX] = {"$each": stored}
    merged.setdefault("$set", {})[PENDING] = True
    return merged


def new_document_events(
    events: Sequence[Envelope], traces: Sequence[Carrier] = NO_TRACES
) -> Document:
    """Fields to put in a document inserted together with its first events."""
    stored = [stored_event(event, trace) for event, trace in _traced(events, traces)]
    return {OUTBOX: stored, PENDING: bool(events)}


def stored_event(event: Envelope, trace: Carrier | None = None) -> Document:
    """The event as the outbox keeps it; its trace context beside it, when it has one."""
    stored = event.model_dump(mode="json")
    return {**stored, TRACE: trace} if trace else stored


def read_event(raw: Document) -> tuple[Envelope, Carrier]:
    """The event and its trace context back from the outbox (events stored before traces had
    none)."""
    fields = {name: value for name, value in raw.items() if name != TRACE}
    return Envelope.model_validate(fields), dict(raw.get(TRACE) or {})


class TracesUntilSent:
    """Each event's trace context from when it is written until it is sent (the newest `kept`)."""

    def __init__(self, kept: int) -> None:
        self._by_event: OrderedDict[str, Carrier] = OrderedDict()
        self._kept = kept

    def keep(self, pairs: Iterable[tuple[str, Carrier]]) -> None:
        self._by_event.update((event_id, trace) for event_id, trace in pairs if trace)
        while len(self._by_event) > self._kept:
            self._by_event.popitem(last=False)

    def of(self, event_id: str) -> Carrier | None:
        return self._by_event.get(event_id)

    def forget(self, event_ids: Iterable[str]) -> None:
        for event_id in event_ids:
            self._by_event.pop(event_id, None)


def _traced(
    events: Sequence[Envelope], traces: Sequence[Carrier]
) -> list[tuple[Envelope, Carrier | None]]:
    return [(event, traces[i] if i < len(traces) else None) for i, event in enumerate(events)]


async def clear_if_only(
    collection: AsyncCollection[Document],
    document_id: Any,
    as_written: Sequence[Document],
    sent: set[str],
) -> bool:
    """One guarded write instead of read + write: empties the outbox if it holds exactly the
    events that were sent. Anything else there (pushed meanwhile, or stored differently) makes
    the guard miss, and the caller falls back to reading what is there."""
    if not as_written or any(raw.get("id") not in sent for raw in as_written):
        return False
    result = await collection.update_one(
        {"_id": document_id, OUTBOX: list(as_written)},
        {"$set": {OUTBOX: [], PENDING: False}},
    )
    return bool(result.matched_count)


async def remove_sent(
    collection: AsyncCollection[Document], document_id: Any, sent: set[str]
) -> Lost | None:
    """Writes back the outbox without what was sent, only if it is still the outbox as read:
    a writer in another process may have pushed an event meanwhile, which must not be lost."""
    current = await collection.find_one({"_id": document_id}, {OUTBOX: 1, PENDING: 1})
    if current is None:
        return None
    outbox = current.get(OUTBOX)
    remaining = [raw for raw in outbox or [] if raw["id"] not in sent]
    if remaining == (outbox or []) and current.get(PENDING) == bool(remaining):
        return None  # nothing of ours is there (another pass cleared it)
    result = await collection.update_one(
        {"_id": document_id, OUTBOX: outbox},
        {"$set": {OUTBOX: remaining, PENDING: bool(remaining)}},
    )
    return None if result.matched_count else LOST

"""One table per service from event type to handler (cosmicpython's EVENT_HANDLERS): what the
service's consumer reads is derived from it, so a type cannot be handled without being read, or
read without being handled.

A handler gets the service's context, the typed event (upcast to the version this code reads) and
its envelope (for the event id and correlation id). An event type that is not in the table is
skipped unread by the consumer, knowingly: it is another service's business.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

from contracts.envelope import Envelope
from contracts.events import EventData

Context = TypeVar("Context")

Handle = Callable[[Envelope], Awaitable[None]]
# Any: each handler takes its own event class, which a Mapping's value type cannot say per key.
EventHandler = Callable[[Context, Any, Envelope], Awaitable[None]]
EventHandlers = Mapping[type[EventData], EventHandler[Context]]


def handled_types(table: EventHandlers[Any]) -> frozenset[str]:
    """The CloudEvents types the consumer reads: exactly the table's."""
    return frozenset(event.type for event in table)


def dispatcher(table: EventHandlers[Context], context: Context) -> Handle:
    """The consumer's handle: the event's handler from the table, with the context bound."""
    by_type = {event.type: (event, handler) for event, handler in table.items()}

    async def handle(envelope: Envelope) -> None:
        expected, handler = by_type[envelope.type]  # the consumer reads only the table's types
        event = envelope.event()
        if not isinstance(event, expected):  # the type said so; the data must agree
            raise TypeError(f"{envelope.id} is typed {envelope.type} but holds {type(event)}")
        await handler(context, event, envelope)

    return handle

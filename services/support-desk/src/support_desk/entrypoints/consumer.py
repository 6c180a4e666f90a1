"""Events support-desk reacts to: the reconciler's mismatches, detected and cleared. The table
below is the whole list; the consumer reads these types and skips the rest of the topic unread."""

from __future__ import annotations

from contracts.envelope import Envelope
from contracts.events import MismatchCleared, MismatchDetected
from servicekit.event_handlers import EventHandlers
from support_desk.handlers.cases import close_case, open_case
from support_desk.handlers.context import SupportDesk


async def _detected(desk: SupportDesk, event: MismatchDetected, envelope: Envelope) -> None:
    await open_case(desk, event, envelope.id)


async def _cleared(desk: SupportDesk, event: MismatchCleared, _envelope: Envelope) -> None:
    await close_case(desk, event)


EVENT_HANDLERS: EventHandlers[SupportDesk] = {
    MismatchDetected: _detected,
    MismatchCleared: _cleared,
}

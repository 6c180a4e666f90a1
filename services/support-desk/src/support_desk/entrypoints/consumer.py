"""Events support-desk reacts to: the reconciler's mismatches, detected and cleared."""

from __future__ import annotations

from contracts.envelope import Envelope
from contracts.events import MismatchCleared, MismatchDetected
from servicekit.lifespan import Handle
from support_desk.handlers.cases import close_case, open_case
from support_desk.handlers.context import SupportDesk

HANDLED_EVENTS = frozenset({MismatchDetected.type, MismatchCleared.type})


def make_handler(desk: SupportDesk) -> Handle:
    async def handle(envelope: Envelope) -> None:
        match envelope.event():
            case MismatchDetected() as detected:
                await open_case(desk, detected, envelope.id)
            case MismatchCleared() as cleared:
                await close_case(desk, cleared)
            case _:
                pass  # only the types in HANDLED_EVENTS reach here

    return handle

"""Events imei-registry reacts to: `card-debited` of the IMEI service; the rest is not its business."""

from __future__ import annotations

from contracts.envelope import Envelope
from contracts.events import CardDebited
from imei_registry.handlers.context import ImeiRegistry
from imei_registry.handlers.payments import register_paid_device
from servicekit.lifespan import Handle

HANDLED_EVENTS = frozenset({CardDebited.type})


def make_handler(registry: ImeiRegistry) -> Handle:
    async def handle(envelope: Envelope) -> None:
        match envelope.event():
            case CardDebited() as debited:
                await register_paid_device(registry, debited)
            case _:
                pass  # only card-debited is subscribed to; others are skipped before this

    return handle

"""Events imei-registry reacts to: `card-debited` of the IMEI service (the table at the end is the
whole list); the rest is not its business."""

from __future__ import annotations

from contracts.envelope import Envelope, UnknownEventError
from contracts.events import CardDebited
from imei_registry.domain.quote import IMEI_SERVICE_ID
from imei_registry.handlers.context import ImeiRegistry
from imei_registry.handlers.payments import register_paid_device
from servicekit.event_handlers import EventHandlers


def is_imei_payment(envelope: Envelope) -> bool:
    """A biller's card-debited is provider-gateway's: skipped without any database work. One we
    cannot read is handled, so that it fails and is parked where people see it."""
    try:
        event = envelope.event()
    except UnknownEventError:
        return True
    return not isinstance(event, CardDebited) or event.service_id == IMEI_SERVICE_ID


async def _debited(registry: ImeiRegistry, event: CardDebited, _envelope: Envelope) -> None:
    await register_paid_device(registry, event)


EVENT_HANDLERS: EventHandlers[ImeiRegistry] = {CardDebited: _debited}

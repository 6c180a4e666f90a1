"""A service's table of event handlers is the one list of what its consumer reads and does."""

from __future__ import annotations

from datetime import UTC, datetime

from contracts.envelope import Envelope
from contracts.events import PaymentExpired
from contracts.ids import new_id
from servicekit.event_handlers import EventHandlers, dispatcher, handled_types

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
Seen = list[tuple[str, str]]


async def _expired(seen: Seen, event: PaymentExpired, envelope: Envelope) -> None:
    seen.append((event.payment_id, envelope.id))


TABLE: EventHandlers[Seen] = {PaymentExpired: _expired}


def test_the_consumer_reads_exactly_the_types_in_the_table() -> None:
    assert handled_types(TABLE) == {"payment-expired"}


async def test_an_event_goes_to_its_handler_with_the_context_and_envelope() -> None:
    seen: Seen = []
    event = PaymentExpired(payment_id=new_id("pay"), expired_at=NOW)
    envelope = Envelope.wrap(event, event_id=new_id("evt"), source="/services/test", time=NOW)
    await dispatcher(TABLE, seen)(envelope)
    assert seen == [(event.payment_id, envelope.id)]

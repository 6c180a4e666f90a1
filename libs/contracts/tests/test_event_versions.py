"""Events can evolve: a field added within a version is ignored by older readers, an older version
is upcast to the one a reader expects, and a version nobody can read is refused with its reason."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import ClassVar

import pytest
from pydantic import Field

from contracts.envelope import Envelope, UnreadableVersionError, from_kafka, to_kafka
from contracts.events import EVENT_TYPES, PaymentExpired
from contracts.ids import new_id
from contracts.upcasting import EventFields, Upcasters

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


class PaymentExpiredV2(PaymentExpired):
    """What a reader of a future version would expect: a reason nobody sends at version 1."""

    version: ClassVar[int] = 2
    reason: str = Field(min_length=1)


def _on_the_wire(data: dict[str, object], version: int) -> Envelope:
    """An envelope as another service's producer sends it, through the Kafka binding."""
    sent = Envelope.wrap(
        PaymentExpired(payment_id=new_id("pay"), expired_at=NOW),
        event_id=new_id("evt"),
        source="/services/checkout",
        time=NOW,
    )
    sent = sent.model_copy(update={"data": {**sent.data, **data}, "dataversion": version})
    _key, value, headers = to_kafka(sent)
    return from_kafka(headers, value)


def test_every_event_says_its_version_on_the_wire() -> None:
    envelope = _on_the_wire({}, 1)
    _key, _value, headers = to_kafka(envelope)
    assert dict(headers)["ce_dataversion"] == b"1"


def test_a_field_added_within_a_version_is_ignored_by_an_older_reader() -> None:
    envelope = _on_the_wire({"expired_by": "sweep", "notes": {"any": "shape"}}, 1)
    event = envelope.event()
    assert isinstance(event, PaymentExpired)
    assert event.expired_at == NOW


def test_an_event_written_before_versions_were_carried_reads_as_version_1() -> None:
    envelope = _on_the_wire({}, 1)
    _key, value, headers = to_kafka(envelope)
    without = [(name, raw) for name, raw in headers if name != "ce_dataversion"]
    assert isinstance(from_kafka(without, value).event(), PaymentExpired)


def test_a_version_1_event_is_upcast_for_a_reader_that_expects_version_2() -> None:
    upcasters = Upcasters()

    @upcasters.register(PaymentExpired.type, from_version=1)
    def _reason_was_always_the_deadline(data: EventFields) -> EventFields:
        return {**data, "reason": "deadline"}

    types = {**EVENT_TYPES, PaymentExpired.type: PaymentExpiredV2}
    event = _on_the_wire({}, 1).event(types, upcasters)
    assert isinstance(event, PaymentExpiredV2)
    assert event.reason == "deadline"
    # A version 2 event is read as it is: no step runs on it.
    current = _on_the_wire({"reason": "cancelled"}, 2).event(types, upcasters)
    assert isinstance(current, PaymentExpiredV2)
    assert current.reason == "cancelled"


def test_a_version_newer_than_the_reader_knows_is_refused_with_its_reason() -> None:
    with pytest.raises(UnreadableVersionError, match="v2 is newer than the v1"):
        _on_the_wire({"reason": "cancelled"}, 2).event()


def test_an_older_version_without_a_step_up_is_refused_with_its_reason() -> None:
    types = {**EVENT_TYPES, PaymentExpired.type: PaymentExpiredV2}
    with pytest.raises(UnreadableVersionError, match="no upcaster for payment-expired from v1"):
        _on_the_wire({}, 1).event(types, Upcasters())


def test_a_step_is_registered_once() -> None:
    upcasters = Upcasters()
    upcasters.register("payment-expired", 1)(lambda data: data)
    with pytest.raises(ValueError, match="already has an upcaster"):
        upcasters.register("payment-expired", 1)(lambda data: data)


def test_the_wire_value_is_the_data_alone() -> None:
    _key, value, _headers = to_kafka(_on_the_wire({}, 1))
    assert "dataversion" not in json.loads(value)

"""Events survive the trip through Kafka's CloudEvents binding, and strangers are refused."""

from datetime import UTC, datetime

import pytest

from contracts.envelope import Envelope, UnknownEventError, from_kafka, to_kafka
from contracts.events import CardDebited, CardDeclined, DeclineReason
from contracts.ids import is_id, make_id, new_id
from contracts.money import Money

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def _debited() -> CardDebited:
    return CardDebited(
        payment_id=new_id("pay"),
        service_id="azercell",
        account="501234567",
        amount=Money(qepik=1000),
        total=Money(qepik=1010),
        bank_reference="RRN123",
        debited_at=NOW,
    )


def test_an_event_round_trips_through_the_kafka_binding() -> None:
    event = _debited()
    envelope = Envelope.wrap(event, event_id=new_id("evt"), source="/checkout", time=NOW)
    key, value, headers = to_kafka(envelope)
    assert key == event.payment_id.encode()
    assert ("ce_type", b"card-debited") in headers
    back = from_kafka(headers, value)
    assert back == envelope
    assert back.event() == event
    assert back.topic() == "payments.v1"


def test_a_record_that_is_not_our_event_is_refused() -> None:
    with pytest.raises(UnknownEventError):
        from_kafka([("ce_type", b"card-debited")], b"{not json")
    envelope = Envelope.wrap(_debited(), event_id=new_id("evt"), source="/x", time=NOW)
    stranger = envelope.model_copy(update={"type": "card-stolen"})
    with pytest.raises(UnknownEventError):
        stranger.event()


def test_event_data_is_validated() -> None:
    with pytest.raises(ValueError, match="payment_id"):
        CardDeclined(
            payment_id="pay_nope", reason=DeclineReason.OTHER, bank_code="05", declined_at=NOW
        )


def test_ids_sort_by_time_and_carry_their_prefix() -> None:
    earlier = make_id("pay", NOW, bytes(10))
    later = make_id("pay", NOW.replace(second=1), bytes(10))
    assert earlier < later
    assert is_id("pay", earlier) and not is_id("tkt", earlier)

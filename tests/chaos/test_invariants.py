"""The chaos run's checker catches what it claims to: each invariant broken on purpose once."""

from __future__ import annotations

import json
from collections import Counter

from aiokafka.structs import ConsumerRecord

from devstack.chaos.agreement import TicketRecords, ticket_violations
from devstack.chaos.invariants import PaymentFacts, violations
from devstack.chaos.topics import AsyncApiSchemas
from devstack.paths import repo_root

PAYMENT = "pay_01jd0000000000000000000000"


def completed() -> PaymentFacts:
    """A payment that ended well: debited once, activated once, its events once each."""
    events = ("payment-initiated", "card-debited", "provider-activated", "payment-completed")
    return PaymentFacts(
        PAYMENT,
        "completed",
        answered_201=True,
        event_ids={event: {f"evt_{event}"} for event in events},
        bank_debits=1,
        activations_recorded=1,
    )


def test_a_payment_that_ended_well_has_no_violation() -> None:
    assert violations(completed()) == []


def test_a_debited_payment_left_without_a_case_is_caught() -> None:
    stuck = completed()
    stuck.state = "debited"
    stuck.event_ids.pop("payment-completed")
    assert violations(stuck) == [
        "debited, left debited, with 0 open cases (not exactly one)",
        "left debited past its deadline, and no case is open",
    ]
    stuck.open_cases = Counter({"debited_not_activated": 1})
    stuck.event_ids.pop("provider-activated")
    assert violations(stuck) == []


def test_two_activations_two_refunds_and_a_silent_refund_are_caught() -> None:
    twice = completed()
    twice.activations_recorded = 2
    assert violations(twice) == ["activated twice (2 at the provider)"]
    refunded = completed()
    refunded.state, refunded.bank_refunds = "refunded", 2
    refunded.event_ids["payment-refunded"] = {"evt_r1"}
    refunded.event_ids.pop("payment-completed")
    assert violations(refunded) == [
        "refunded twice (2 at the bank)",
        "activated and refunded, and no case was opened",
    ]


def test_a_lost_payment_and_a_doubled_or_lost_event_are_caught() -> None:
    assert violations(PaymentFacts(PAYMENT, None, answered_201=True)) == [
        "answered 201 but not in checkout's database"
    ]
    doubled = completed()
    doubled.event_ids["card-debited"].add("evt_second")
    assert violations(doubled) == ["2 different card-debited events (doubled)"]
    lost = completed()
    lost.event_ids.pop("payment-completed")
    assert violations(lost) == ["checkout says completed; its ending events say nothing"]


def record(
    value: dict[str, object], event_type: str = "card-debited"
) -> ConsumerRecord[bytes, bytes]:
    headers = {"ce_id": "evt_1", "ce_source": "checkout", "ce_type": event_type}
    headers |= {"ce_specversion": "1.0", "ce_time": "2026-12-03T10:00:00Z", "ce_subject": PAYMENT}
    body = json.dumps(value).encode()
    return ConsumerRecord(
        "payments.v1",
        0,
        0,
        0,
        0,
        PAYMENT.encode(),
        body,
        None,
        0,
        len(body),
        [(name, raw.encode()) for name, raw in headers.items()],
    )


def test_a_message_off_its_schema_is_caught() -> None:
    schemas = AsyncApiSchemas.read(repo_root() / "docs" / "asyncapi.json")
    money = {"qepik": 100, "currency": "AZN"}
    good = {
        "payment_id": PAYMENT,
        "service_id": "azercell",
        "account": "501234567",
        "amount": money,
        "total": money,
        "bank_reference": "RRN1",
        "debited_at": "2026-12-03T10:00:00Z",
    }
    assert schemas.problems(record(good)) == []
    assert schemas.problems(record({**good, "amount": None})) != []
    assert schemas.problems(record(good, "payment-teleported")) == [
        "payment-teleported is not a message of payments.v1"
    ]


def test_support_desk_disagreeing_with_its_events_is_caught() -> None:
    agreeing = TicketRecords(
        states={"tkt_1": "open", "tkt_2": "resolved"},
        opened={"tkt_1": {"evt_o1"}, "tkt_2": {"evt_o2"}},
        resolved={"tkt_2": {"evt_r2"}},
    )
    assert ticket_violations(agreeing) == []
    agreeing.opened["tkt_1"].add("evt_again")
    agreeing.resolved.pop("tkt_2")
    agreeing.resolved["tkt_9"] = {"evt_r9"}
    assert ticket_violations(agreeing) == [
        "ticket tkt_1: 2 case-opened events (not exactly one)",
        "ticket tkt_2 is resolved with 0 case-resolved events",
        "events about ticket tkt_9, which support-desk does not have",
    ]

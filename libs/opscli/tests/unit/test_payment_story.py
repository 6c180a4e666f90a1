"""`payments show`: one payment's story in time order, from every service and every topic."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from contracts.envelope import Envelope
from contracts.events import CardDebited, EventData, PaymentInitiated, ProviderActivated
from contracts.money import Money
from payportal.lines import Kind
from payportal.story import PaymentRecords, render, tell

T0 = datetime(2026, 5, 1, 10, 0, tzinfo=UTC)
PAYMENT = "pay_01hzzzzzzzzzzzzzzzzzzzzzzz"


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def wrap(event: EventData, seconds: float, number: int) -> Envelope:
    return Envelope.wrap(
        event, event_id=f"evt_01hzzzzzzzzzzzzzzzzzzzzz{number:02d}", source="/s", time=at(seconds)
    )


def records() -> PaymentRecords:
    money = Money(qepik=500)
    payment = {
        "_id": PAYMENT,
        "service_id": "azercell",
        "account": "994501234567",
        "amount_qepik": 500,
        "fee_qepik": 0,
        "total_qepik": 500,
        "created_at": at(0),
        "state": "completed",
        "history": [
            {"state": "initiated", "at": at(0), "reason": "created", "detail": None},
            {"state": "debited", "at": at(2), "reason": "bank", "detail": None},
            {"state": "completed", "at": at(5), "reason": "activated", "detail": None},
        ],
    }
    events = [  # as a consumer might meet them: topics interleaved, out of time order
        ("activations.v1", wrap(ProviderActivated(payment_id=PAYMENT, service_id="azercell", amount=money, provider_transaction_id="PRV-1", activated_at=at(4)), 4, 3)),
        ("payments.v1", wrap(PaymentInitiated(payment_id=PAYMENT, service_id="azercell", account="994501234567", amount=money, fee=Money(qepik=0), total=money, initiated_at=at(0), expires_at=at(900)), 0.1, 1)),
        ("payments.v1", wrap(CardDebited(payment_id=PAYMENT, service_id="azercell", account="994501234567", amount=money, total=money, bank_reference="BNK-7", debited_at=at(2)), 2.1, 2)),
    ]  # fmt: skip
    activation = {
        "_id": PAYMENT,
        "state": "activated",
        "started_at": at(3),
        "calls": 2,
        "last_answer": "accepted, pending",
        "last_answer_at": at(3.5),
        "last_call": "pay",
        "last_state": "pending",
        "finished_at": at(4),
        "provider_code": "0",
        "reason": "paid",
        "provider_reference": "PRV-1",
    }
    callbacks = [
        {
            "_id": "bank-evt-1",
            "order_id": PAYMENT,
            "status": "debited",
            "amount_qepik": 500,
            "outcome": "already_known",
            "received": 2,
            "last_received_at": at(6),
        }
    ]
    case = {
        "_id": "tkt_01hzzzzzzzzzzzzzzzzzzzzzzz",
        "category": "payment",
        "mismatch_kind": "debited_not_activated",
        "state": "closed",
        "opened_at": at(10),
        "trail": [{"at": at(11), "action": "note", "by": "aysel", "text": "called provider"}],
        "closed_at": at(12),
        "resolution": "activated late",
    }
    return PaymentRecords(PAYMENT, payment, events, activation, callbacks, [case])


def test_the_story_is_in_time_order_across_services_and_topics() -> None:
    story = tell(records())

    assert [entry.at for entry in story.entries] == sorted(entry.at for entry in story.entries)
    told = [(entry.source, entry.text.split("  ")[0]) for entry in story.entries]
    assert told == [
        ("checkout", "state → initiated (created)"),
        ("payments.v1", "payment-initiated"),
        ("checkout", "state → debited (bank)"),
        ("payments.v1", "card-debited"),
        ("activation", "started"),
        ("activation", "provider answered pay: pending — accepted, pending (2 calls so far)"),
        ("activations.v1", "provider-activated"),
        ("activation", "activated: 0 paid (provider reference PRV-1)"),
        ("checkout", "state → completed (activated)"),
        ("bank callback", "bank said debited 5.00 AZN, kept as already_known (received 2×, event bank-evt-1)"),
        ("case tkt_01hzzzzzzzzzzzzzzzzzzzzzzz", "opened: payment debited_not_activated, now closed"),
        ("case tkt_01hzzzzzzzzzzzzzzzzzzzzzzz", "note by aysel: called provider"),
        ("case tkt_01hzzzzzzzzzzzzzzzzzzzzzzz", "closed: activated late"),
    ]  # fmt: skip


def test_the_header_says_where_the_payment_is_and_what_it_costs() -> None:
    header = dict(tell(records()).header)

    assert header["payment"] == PAYMENT and header["state"] == "completed"
    assert header["money"] == "amount 5.00 AZN, fee 0.00 AZN, total 5.00 AZN"
    assert header["created"] == "2026-05-01T10:00:00.000Z"
    assert header["service"] == "azercell"


def test_events_carry_their_facts_and_colours_into_the_story() -> None:
    entries = tell(records()).entries
    debit = next(entry for entry in entries if entry.text.startswith("card-debited"))
    completed = next(entry for entry in entries if entry.text.endswith("(activated)"))

    assert "bank_reference=BNK-7" in debit.text and "evt_01hzzzzzzzzzzzzzzzzzzzzz02" in debit.text
    assert completed.kind is Kind.COMPLETION


def test_rendered_lines_read_time_source_text() -> None:
    lines = [line.plain for line in render(tell(records()))]

    assert lines[0].strip() == f"payment: {PAYMENT}"
    assert "2026-05-01T10:00:02.100Z  payments.v1       card-debited" in "\n".join(lines)


def test_a_payment_nobody_knows_is_empty_and_one_only_in_events_is_still_told() -> None:
    assert PaymentRecords(PAYMENT).is_empty()
    only_events = PaymentRecords(PAYMENT, events=records().events)
    story = tell(only_events)
    assert not only_events.is_empty()
    assert ("state", "not stored at checkout") in story.header
    assert len(story.entries) == 3


def test_an_event_published_twice_is_told_once_and_says_so() -> None:
    told = records()
    twice = PaymentRecords(PAYMENT, told.payment, [*told.events, told.events[2]])
    debits = [entry for entry in tell(twice).entries if entry.text.startswith("card-debited")]

    assert len(debits) == 1 and debits[0].text.endswith("(on the topic 2×)")
    assert not any("×)" in entry.text for entry in tell(told).entries if "topic" in entry.text)

"""One readable line per event: what an ops person reads in `events tail`."""

from __future__ import annotations

from datetime import UTC, datetime

from contracts.envelope import Envelope
from contracts.events import (
    ActivationFailed,
    CardDebited,
    CaseOpened,
    EventData,
    MismatchKind,
    PaymentCompleted,
    PaymentInitiated,
)
from contracts.money import Money
from payportal.lines import Kind, event_line, key_facts, kind_of

AT = datetime(2026, 5, 1, 10, 0, 1, 234000, tzinfo=UTC)
PAYMENT = "pay_01hzzzzzzzzzzzzzzzzzzzzzzz"


def wrap(event: EventData) -> Envelope:
    return Envelope.wrap(event, event_id="evt_01hzzzzzzzzzzzzzzzzzzzzzzz", source="/t", time=AT)


def debited() -> Envelope:
    return wrap(
        CardDebited(
            payment_id=PAYMENT,
            service_id="azercell",
            account="994501234567",
            amount=Money(qepik=500),
            total=Money(qepik=525),
            bank_reference="BNK-1",
            debited_at=AT,
        )
    )


def test_a_line_has_time_topic_type_subject_and_the_money() -> None:
    line = event_line(debited(), "payments.v1").plain

    assert line.startswith("2026-05-01T10:00:01.234Z  payments.v1")
    assert "card-debited" in line and PAYMENT in line
    assert "service=azercell" in line and "account=994501234567" in line
    assert "amount=5.00 AZN" in line and "total=5.25 AZN" in line
    assert "bank_reference=BNK-1" in line
    assert "payment_id=" not in line  # the subject already says it


def test_a_case_line_names_its_payment_since_its_subject_is_the_ticket() -> None:
    case = wrap(
        CaseOpened(
            ticket_id="tkt_01hzzzzzzzzzzzzzzzzzzzzzzz",
            payment_id=PAYMENT,
            kind=MismatchKind.DEBITED_NOT_ACTIVATED,
            opened_at=AT,
        )
    )
    line = event_line(case, "support.v1").plain

    assert "tkt_01hzzzzzzzzzzzzzzzzzzzzzzz" in line
    assert f"payment_id={PAYMENT}" in line and "kind=debited_not_activated" in line


def test_failures_are_red_completions_green_and_the_rest_plain() -> None:
    failed = wrap(
        ActivationFailed(
            payment_id=PAYMENT,
            service_id="azercell",
            provider_code="E42",
            reason="number not found",
            failed_at=AT,
        )
    )
    completed = wrap(
        PaymentCompleted(
            payment_id=PAYMENT,
            service_id="azercell",
            amount=Money(qepik=500),
            provider_transaction_id="PRV-9",
            completed_at=AT,
        )
    )

    assert "red" in str(event_line(failed, "activations.v1").style)
    assert "green" in str(event_line(completed, "payments.v1").style)
    assert str(event_line(debited(), "payments.v1").style) == ""
    assert kind_of("mismatch-detected") is Kind.FAILURE
    assert kind_of("something-new") is Kind.PROGRESS


def test_key_facts_skip_what_is_empty_and_cut_what_is_long() -> None:
    initiated = wrap(
        PaymentInitiated(
            payment_id=PAYMENT,
            service_id="tax-service",
            account="1234567890",
            amount=Money(qepik=5000),
            fee=Money(qepik=25),
            total=Money(qepik=5025),
            customer_email=None,
            initiated_at=AT,
            expires_at=AT,
        )
    )
    facts = dict(key_facts(initiated))
    assert facts == {
        "service": "tax-service",
        "account": "1234567890",
        "amount": "50.00 AZN",
        "total": "50.25 AZN",
    }
    long_reason = wrap(
        ActivationFailed(
            payment_id=PAYMENT, service_id="x", provider_code="", reason="r" * 300, failed_at=AT
        )
    )
    reason = dict(key_facts(long_reason))["reason"]
    assert len(reason) == 80 and reason.endswith("…")
    assert "provider_code" not in dict(key_facts(long_reason))

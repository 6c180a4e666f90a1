"""Automatic cases: one id per payment and kind, the reconciler's facts kept, closed by itself."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from contracts.events import CaseOpened, CaseResolved, MismatchCleared, MismatchDetected
from contracts.events import MismatchKind as Kind
from contracts.events import TrailEntry as Seen
from contracts.ids import is_id, make_id
from contracts.money import Money
from support_desk.adapters.categories import load_sla_table
from support_desk.domain.cases import case_id_for, detected_again, open_case_for_mismatch
from support_desk.domain.clearing import clear_case
from support_desk.domain.model import Action
from support_desk.domain.states import TicketState

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
PAYMENT = make_id("pay", NOW, bytes(range(10)))
CATEGORY = load_sla_table().get("reconciliation_mismatch")
URL = "https://portal.example"
DEBIT = Seen(event_id=make_id("evt", NOW, bytes(10)), type="card-debited", time=NOW)


def detection(*trail: Seen) -> MismatchDetected:
    return MismatchDetected(
        payment_id=PAYMENT,
        kind=Kind.DEBITED_NOT_ACTIVATED,
        service_id="azercell",
        account="501234567",
        debited=Money(qepik=1000),
        debited_at=NOW,
        deadline=NOW + timedelta(minutes=10),
        trail=trail,
        detected_at=NOW + timedelta(minutes=10),
    )


@given(st.binary(min_size=10, max_size=10), st.sampled_from(list(Kind)))
def test_a_case_id_is_a_ticket_id_fixed_by_payment_and_kind(entropy: bytes, kind: Kind) -> None:
    payment = make_id("pay", NOW, entropy)
    case_id = case_id_for(payment, kind.value)
    assert is_id("tkt", case_id)
    assert case_id == case_id_for(payment, kind.value)
    assert case_id[4:14] == payment[4:14]  # sorts by the payment's time
    others = {case_id_for(payment, other.value) for other in Kind if other is not kind}
    assert case_id not in others


def test_a_case_carries_the_facts_and_the_payments_story() -> None:
    case = open_case_for_mismatch(detection(DEBIT), CATEGORY, NOW, URL)
    assert case.id == case_id_for(PAYMENT, "debited_not_activated")
    assert case.customer is None and case.sla_hours == 24 and case.subject == "azercell"
    facts = dict(case.facts)
    assert facts["debited"] == "10.00 AZN" and facts["account"] == "501234567"
    assert [(e.action, e.ref) for e in case.trail] == [
        (Action.EVENT, DEBIT.event_id),
        (Action.OPENED, None),
    ]
    (opened,) = case.pending_events
    assert isinstance(opened, CaseOpened) and opened.kind is Kind.DEBITED_NOT_ACTIVATED


def test_a_second_copy_adds_only_what_is_new_to_the_one_case() -> None:
    case = open_case_for_mismatch(detection(DEBIT), CATEGORY, NOW, URL)
    later = Seen(event_id=make_id("evt", NOW, b"\x01" * 10), type="activation-failed", time=NOW)
    again = detected_again(case, detection(DEBIT, later), "evt_copy", NOW)
    assert [e.ref for e in again.trail[len(case.trail) :]] == [later.event_id, "evt_copy"]
    assert again.pending_events == case.pending_events  # nothing new is announced


def test_clearing_closes_the_case_with_a_note_once() -> None:
    case = open_case_for_mismatch(detection(DEBIT), CATEGORY, NOW, URL)
    cleared = MismatchCleared(
        payment_id=PAYMENT,
        kind=Kind.DEBITED_NOT_ACTIVATED,
        cleared_by="provider-activated",
        cleared_at=NOW,
    )
    closed = clear_case(case, cleared, NOW, URL)
    assert closed.state is TicketState.RESOLVED
    assert closed.resolution is not None and "provider-activated" in closed.resolution
    assert isinstance(closed.pending_events[-1], CaseResolved)
    assert not closed.letters_due  # nobody to write to
    assert clear_case(closed, cleared, NOW, URL) == closed


def test_clearing_a_case_a_specialist_already_closed_only_notes_it() -> None:
    case = open_case_for_mismatch(detection(), CATEGORY, NOW, URL).resolve("leyla", "refunded", NOW)
    cleared = MismatchCleared(
        payment_id=PAYMENT,
        kind=Kind.DEBITED_NOT_ACTIVATED,
        cleared_by="payment-refunded",
        cleared_at=NOW,
    )
    noted = clear_case(case, cleared, NOW, URL)
    assert noted.state is TicketState.RESOLVED and noted.resolution == "refunded"
    assert noted.trail[-1].action is Action.NOTE

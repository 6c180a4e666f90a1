"""Acting on a case: who may, four eyes on a large refund, one action of a kind, repeats."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from contracts.events import (
    ActivationConfirmedByHand,
    MismatchDetected,
    MismatchKind,
    ProviderCheckOrdered,
    RefundOrdered,
)
from contracts.ids import make_id
from contracts.money import Money
from support_desk.adapters.categories import load_sla_table
from support_desk.adapters.documents import from_document, to_document
from support_desk.domain.action_refusals import (
    ActionConflictError,
    ActionForbiddenError,
    KeyReusedError,
)
from support_desk.domain.actions import ActionKind, ActionRequest, ActionState
from support_desk.domain.case_actions import approve_action, request_action
from support_desk.domain.cases import open_case_for_mismatch
from support_desk.domain.permissions import Role, StaffMember
from support_desk.domain.ticket import Ticket

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
LIMIT = Money(qepik=5000)
AYSEL = StaffMember("aysel", Role.SPECIALIST)
LEYLA = StaffMember("leyla", Role.SUPERVISOR)
MURAD = StaffMember("murad", Role.SUPERVISOR)


def case(debited_qepik: int = 600) -> Ticket:
    detected = MismatchDetected(
        payment_id=make_id("pay", NOW, bytes(range(10))),
        kind=MismatchKind.DEBITED_NOT_ACTIVATED,
        debited=Money(qepik=debited_qepik),
        detected_at=NOW,
    )
    opened = open_case_for_mismatch(
        detected, load_sla_table().get("reconciliation_mismatch"), NOW, "https://portal.example"
    )
    return replace(opened, pending_events=())


def ask(key: str = "key-00001", kind: ActionKind = ActionKind.ASK_PROVIDER) -> ActionRequest:
    reference = "PRV-1" if kind is ActionKind.CONFIRM_ACTIVATED else None
    return ActionRequest(key, kind, "a note", reference)


def test_an_ordered_action_is_in_the_trail_and_goes_out_as_its_event() -> None:
    ticket, action = request_action(case(), LEYLA, ask(), LIMIT, NOW)
    assert action.state is ActionState.ORDERED
    assert ticket.trail[-1].ref == action.id and ticket.trail[-1].by == "leyla"
    (event,) = ticket.pending_events
    assert isinstance(event, ProviderCheckOrdered) and event.action_id == action.id


def test_the_same_key_again_changes_nothing_and_another_action_under_it_is_refused() -> None:
    ticket, action = request_action(case(), LEYLA, ask(), LIMIT, NOW)
    stored = replace(ticket, pending_events=())
    again, same = request_action(stored, LEYLA, ask(), LIMIT, NOW + timedelta(seconds=5))
    assert again is stored and same == action
    with pytest.raises(KeyReusedError):
        request_action(stored, LEYLA, ask(kind=ActionKind.REFUND), LIMIT, NOW)


def test_a_second_action_of_a_kind_and_anything_after_a_refund_is_a_conflict() -> None:
    ticket, _ = request_action(case(), LEYLA, ask(), LIMIT, NOW)
    with pytest.raises(ActionConflictError) as pending:
        request_action(ticket, LEYLA, ask("key-00002"), LIMIT, NOW)
    assert pending.value.code == "action_pending"
    refunding, _ = request_action(case(), LEYLA, ask(kind=ActionKind.REFUND), LIMIT, NOW)
    with pytest.raises(ActionConflictError) as settling:
        request_action(refunding, LEYLA, ask("k-2", ActionKind.CONFIRM_ACTIVATED), LIMIT, NOW)
    assert settling.value.code == "case_settling"


def test_specialists_act_on_their_own_cases_and_never_confirm_by_hand() -> None:
    with pytest.raises(ActionForbiddenError) as not_hers:
        request_action(case(), AYSEL, ask(), LIMIT, NOW)
    assert not_hers.value.code == "not_your_ticket"
    hers = case().assign("aysel", "aysel", NOW)
    request_action(hers, AYSEL, ask(), LIMIT, NOW)
    with pytest.raises(ActionForbiddenError) as by_hand:
        request_action(hers, AYSEL, ask(kind=ActionKind.CONFIRM_ACTIVATED), LIMIT, NOW)
    assert by_hand.value.code == "supervisor_only"


def test_a_refund_above_the_limit_waits_for_another_supervisor() -> None:
    large = case(debited_qepik=5001)
    waiting, action = request_action(large, LEYLA, ask(kind=ActionKind.REFUND), LIMIT, NOW)
    assert action.state is ActionState.AWAITING_APPROVAL and waiting.pending_events == ()
    for approver, code in ((LEYLA, "four_eyes"), (AYSEL, "supervisor_only")):
        with pytest.raises(ActionForbiddenError) as refused:
            approve_action(waiting, approver, action.id, NOW)
        assert refused.value.code == code
    approved, ordered = approve_action(waiting, MURAD, action.id, NOW)
    assert ordered.state is ActionState.ORDERED and ordered.approved_by == "murad"
    (event,) = approved.pending_events
    assert isinstance(event, RefundOrdered) and event.approved_by == "murad"
    stored = replace(approved, pending_events=())
    again, _ = approve_action(stored, MURAD, action.id, NOW)
    assert again is stored


def test_a_refund_at_the_limit_is_ordered_at_once() -> None:
    _, action = request_action(case(5000), LEYLA, ask(kind=ActionKind.REFUND), LIMIT, NOW)
    assert action.state is ActionState.ORDERED


def test_a_closed_case_takes_no_action() -> None:
    closed = case().resolve("system", "cleared", NOW)
    with pytest.raises(ActionConflictError) as refused:
        request_action(closed, LEYLA, ask(), LIMIT, NOW)
    assert refused.value.code == "case_closed"


def test_actions_survive_the_database() -> None:
    ticket, _ = request_action(case(), LEYLA, ask(kind=ActionKind.CONFIRM_ACTIVATED), LIMIT, NOW)
    (event,) = ticket.pending_events
    assert isinstance(event, ActivationConfirmedByHand) and event.provider_reference == "PRV-1"
    assert from_document(to_document(ticket)).actions == ticket.actions

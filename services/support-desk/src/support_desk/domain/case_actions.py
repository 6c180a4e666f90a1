"""The rules of acting on a case: who may, when, and what it orders. Each action is recorded in
the case's trail by the same write that stores it and its event, so it happens once."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime
from typing import Any

from contracts.events import (
    ActivationConfirmedByHand,
    ActivationRetryOrdered,
    EventData,
    ProviderCheckOrdered,
    RefundOrdered,
)
from contracts.money import Money, MoneyFormatError
from support_desk.domain.action_refusals import (
    ActionConflictError,
    ActionForbiddenError,
    ActionNotFoundError,
    KeyReusedError,
)
from support_desk.domain.actions import ActionKind, ActionRequest, ActionState, CaseAction
from support_desk.domain.model import Action, TrailEntry
from support_desk.domain.permissions import Role, StaffMember
from support_desk.domain.ticket import Ticket


def action_id_for(ticket_id: str, key: str) -> str:
    """Derived from the case and the key: a repeat, from any replica, names the same action."""
    return "act_" + hashlib.sha256(f"{ticket_id}:{key}".encode()).hexdigest()[:24]


def find_action(ticket: Ticket, action_id: str) -> CaseAction | None:
    return next((action for action in ticket.actions if action.id == action_id), None)


def request_action(
    ticket: Ticket, actor: StaffMember, request: ActionRequest, approval_above: Money, at: datetime
) -> tuple[Ticket, CaseAction]:
    """The case with the action stored (ordered, or waiting for a supervisor's approval); the
    case as it was when this key asked before."""
    action_id = action_id_for(ticket.id, request.key)
    if (known := find_action(ticket, action_id)) is not None:
        if not request.same_as(known):
            raise KeyReusedError()
        return ticket, known
    _check_may_act(ticket, actor, request.kind)
    _check_nothing_pending(ticket, request.kind)
    needs_approval = request.kind is ActionKind.REFUND and not _below(ticket, approval_above)
    action = CaseAction(
        id=action_id,
        key=request.key,
        kind=request.kind,
        by=actor.username,
        note=request.note,
        requested_at=at,
        state=ActionState.AWAITING_APPROVAL if needs_approval else ActionState.ORDERED,
        provider_reference=request.provider_reference,
    )
    what = f"{action.kind.value}: {action.note}" + (
        " (waits for a supervisor's approval)" if needs_approval else ""
    )
    entry = TrailEntry(at, Action.ACTION_REQUESTED, actor.username, what, action.id)
    stored = replace(ticket, actions=(*ticket.actions, action), trail=(*ticket.trail, entry))
    return (stored if needs_approval else _ordered(stored, action)), action


def approve_action(
    ticket: Ticket, actor: StaffMember, action_id: str, at: datetime
) -> tuple[Ticket, CaseAction]:
    """Four eyes: a supervisor other than the one who asked; approving twice changes nothing."""
    action = find_action(ticket, action_id)
    if action is None:
        raise ActionNotFoundError()
    if actor.role is not Role.SUPERVISOR:
        raise ActionForbiddenError.supervisors_only()
    if action.by == actor.username:
        raise ActionForbiddenError.four_eyes()
    if action.state is ActionState.ORDERED:
        if action.approved_by == actor.username:
            return ticket, action
        raise ActionConflictError.not_awaiting()
    if ticket.state.is_terminal():
        raise ActionConflictError.case_closed(ticket.state.value)
    approved = replace(
        action, state=ActionState.ORDERED, approved_by=actor.username, approved_at=at
    )
    entry = TrailEntry(at, Action.ACTION_APPROVED, actor.username, action.kind.value, action.id)
    actions = tuple(approved if a.id == action_id else a for a in ticket.actions)
    return _ordered(
        replace(ticket, actions=actions, trail=(*ticket.trail, entry)), approved
    ), approved


def _check_may_act(ticket: Ticket, actor: StaffMember, kind: ActionKind) -> None:
    if kind.supervisors_only() and actor.role is not Role.SUPERVISOR:
        raise ActionForbiddenError.supervisors_only()
    if not actor.role.works_on_any_ticket() and ticket.assignee != actor.username:
        raise ActionForbiddenError.not_your_case()
    if ticket.payment_id is None or ticket.mismatch_kind is None:
        raise ActionConflictError.not_a_payment_case()
    if ticket.state.is_terminal():
        raise ActionConflictError.case_closed(ticket.state.value)


def _check_nothing_pending(ticket: Ticket, kind: ActionKind) -> None:
    """An action stays pending while its case is open: the case's clearing is its answer."""
    for earlier in ticket.actions:
        if earlier.kind is kind:
            raise ActionConflictError.pending(kind.value, earlier.state.value)
        if earlier.kind.settles_the_money():
            raise ActionConflictError.settling(earlier.kind.value)


def _below(ticket: Ticket, approval_above: Money) -> bool:
    """Whether the case's debited amount is at most the limit; an unknown amount is not."""
    text = dict(ticket.facts).get("debited")
    if text is None:
        return False
    try:
        return Money.azn(text.split()[0]) <= approval_above
    except MoneyFormatError:
        return False


def _ordered(ticket: Ticket, action: CaseAction) -> Ticket:
    assert ticket.payment_id is not None  # only a payment's case gets here (_check_may_act)
    fields: dict[str, Any] = {
        "action_id": action.id,
        "ticket_id": ticket.id,
        "payment_id": ticket.payment_id,
        "ordered_by": action.by,
        "approved_by": action.approved_by,
        "note": action.note,
        "ordered_at": action.approved_at or action.requested_at,
    }
    event: EventData
    match action.kind:
        case ActionKind.ASK_PROVIDER:
            event = ProviderCheckOrdered(**fields)
        case ActionKind.RETRY_ACTIVATION:
            event = ActivationRetryOrdered(**fields)
        case ActionKind.REFUND:
            event = RefundOrdered(**fields)
        case ActionKind.CONFIRM_ACTIVATED:
            assert action.provider_reference is not None  # the request requires it
            event = ActivationConfirmedByHand(
                **fields, provider_reference=action.provider_reference
            )
    return replace(ticket, pending_events=(*ticket.pending_events, event))

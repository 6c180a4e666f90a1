"""The ticket's state machine: guarded transitions, final states final, refusals that explain."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contracts.events import CaseOpened, CaseResolved
from contracts.ids import make_id
from support_desk.domain.contact_form import ContactForm
from support_desk.domain.model import Action
from support_desk.domain.opening import open_ticket
from support_desk.domain.sla import Category
from support_desk.domain.states import TicketState, TransitionRefusedError
from support_desk.domain.ticket import Ticket

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
TICKET_ID = make_id("tkt", NOW, bytes(10))
OTHER = Category("other", 72, True, "Digər", "Other", "Другое")
FORM = ContactForm(
    "Aysel", "Məmmədova", "aysel@example.az", "azercell", "Pul çıxıb, xidmət yoxdur."
)

Step = Callable[[Ticket, datetime], Ticket]
STEPS: dict[str, Step] = {
    "assign": lambda t, at: t.assign("aysel", "aysel", at),
    "reassign": lambda t, at: t.assign("rashad", "leyla", at),
    "reply": lambda t, at: t.reply("aysel", "Yoxlayırıq.", at),
    "customer_replied": lambda t, at: t.customer_replied("Hələ də yoxdur.", at),
    "resolve": lambda t, at: t.resolve("aysel", "Pul qaytarıldı.", at),
    "redirect": lambda t, at: t.redirect("aysel", "imei.az", "Zəng edin: 157", at),
}


def new_ticket() -> Ticket:
    return open_ticket(TICKET_ID, FORM, OTHER, NOW)


def test_a_new_ticket_announces_itself_and_owes_a_confirmation_with_its_number() -> None:
    ticket = new_ticket()
    assert ticket.state is TicketState.NEW
    (event,) = ticket.pending_events
    assert isinstance(event, CaseOpened) and event.ticket_id == TICKET_ID
    (letter,) = ticket.letters_due
    assert (
        letter.to == "aysel@example.az" and TICKET_ID in letter.subject and TICKET_ID in letter.text
    )
    assert ticket.due_at == NOW + timedelta(hours=72)


def test_the_happy_path_new_assigned_waiting_resolved() -> None:
    ticket = new_ticket()
    for name in ("assign", "reply", "customer_replied", "reply", "resolve"):
        ticket = STEPS[name](ticket, NOW)
    assert ticket.state is TicketState.RESOLVED
    assert [e.action for e in ticket.trail] == [
        Action.OPENED,
        Action.ASSIGNED,
        Action.REPLY_SENT,
        Action.CUSTOMER_REPLIED,
        Action.REPLY_SENT,
        Action.RESOLVED,
    ]
    assert isinstance(ticket.pending_events[-1], CaseResolved)
    assert len(ticket.letters_due) == 4  # confirmation, two answers, the resolution


def test_replying_before_anyone_took_the_ticket_names_where_it_is_and_could_be() -> None:
    with pytest.raises(TransitionRefusedError) as refused:
        STEPS["reply"](new_ticket(), NOW)
    assert str(refused.value) == (
        f"{TICKET_ID} is new; waiting_for_customer can only follow assigned, waiting_for_customer"
    )


def test_a_redirect_names_the_institution_and_tells_the_customer() -> None:
    ticket = STEPS["redirect"](new_ticket(), NOW)
    assert ticket.state is TicketState.REDIRECTED and ticket.institution == "imei.az"
    assert "imei.az" in ticket.letters_due[-1].text
    resolved = ticket.pending_events[-1]
    assert isinstance(resolved, CaseResolved) and resolved.resolution == "redirected to imei.az"


@given(st.lists(st.sampled_from(sorted(STEPS)), max_size=12))
def test_any_sequence_of_actions_keeps_the_rules(names: list[str]) -> None:
    ticket = new_ticket()
    for offset, name in enumerate(names):
        before = ticket
        at = NOW + timedelta(minutes=offset)
        try:
            ticket = STEPS[name](ticket, at)
        except TransitionRefusedError as refused:
            assert refused.current is before.state
            assert before.state not in refused.wanted.allowed_from()
            assert before.state.value in str(refused) and refused.wanted.value in str(refused)
            continue
        if before.state.is_terminal():
            # only a customer's late e-mail may still be appended to a closed ticket
            assert name == "customer_replied" and ticket.state is before.state
        assert len(ticket.trail) == len(before.trail) + 1
    closings = [e for e in ticket.pending_events if isinstance(e, CaseResolved)]
    assert len(closings) == (1 if ticket.state.is_terminal() else 0)
    assert (ticket.closed_at is not None) == ticket.state.is_terminal()
    assert (ticket.waiting_since is not None) == (ticket.state is TicketState.WAITING_FOR_CUSTOMER)


@pytest.mark.parametrize("state", list(TicketState))
def test_terminal_states_can_be_entered_from_no_terminal_state(state: TicketState) -> None:
    assert not any(origin.is_terminal() for origin in state.allowed_from())
    assert (state is TicketState.NEW) == (not state.allowed_from())

"""SLA clocks: hours per category from data, paused while the customer owes us an answer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from contracts.ids import make_id
from support_desk.adapters.categories import load_sla_table
from support_desk.domain.contact_form import ContactForm
from support_desk.domain.opening import open_ticket
from support_desk.domain.sla import SlaTable, is_overdue, resume_clock
from support_desk.domain.states import TicketState

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
TABLE = load_sla_table()


@pytest.mark.parametrize(
    ("category", "hours"),
    [
        ("payment_problem", 24),
        ("reconciliation_mismatch", 24),
        ("imei_device_type_mismatch", 48),
        ("other", 72),
    ],
)
def test_the_packaged_table_gives_each_category_its_hours(category: str, hours: int) -> None:
    assert TABLE.get(category).hours == hours


def test_customers_may_not_choose_the_automatic_category() -> None:
    assert "reconciliation_mismatch" not in TABLE.public_ids()
    assert "imei_device_type_mismatch" in TABLE.public_ids()


def test_a_letter_naming_a_payment_is_a_payment_problem_unless_the_customer_chose() -> None:
    assert TABLE.for_contact_form(None, "pay_x").id == "payment_problem"
    assert TABLE.for_contact_form(None, None).id == "other"
    assert TABLE.for_contact_form("imei_device_type_mismatch", None).hours == 48


def test_an_imei_mismatch_is_due_48_hours_after_it_was_written() -> None:
    form = ContactForm("Rəşad", "Əliyev", "r@example.az", "imei-registration", "Duos?")
    category = TABLE.get("imei_device_type_mismatch")
    ticket = open_ticket(make_id("tkt", NOW, bytes(10)), form, category, NOW)
    assert ticket.sla_hours == 48 and ticket.due_at == NOW + timedelta(hours=48)
    assert not ticket.overdue(NOW + timedelta(hours=48))
    assert ticket.overdue(NOW + timedelta(hours=48, seconds=1))


def test_waiting_for_the_customer_stops_the_clock_and_the_wait_is_added_back() -> None:
    due = NOW + timedelta(hours=24)
    late = due + timedelta(hours=5)
    assert not is_overdue(TicketState.WAITING_FOR_CUSTOMER, due, late)
    assert not is_overdue(TicketState.RESOLVED, due, late)
    assert is_overdue(TicketState.ASSIGNED, due, late)
    waited_from = NOW + timedelta(hours=2)
    resumed_at = waited_from + timedelta(hours=30)
    assert resume_clock(due, waited_from, resumed_at) == due + timedelta(hours=30)
    assert resume_clock(due, None, resumed_at) == due


def test_a_table_without_the_needed_categories_or_with_no_hours_is_refused() -> None:
    with pytest.raises(ValueError, match="other"):
        SlaTable.from_data({"categories": []})
    bad = {"categories": [{"id": "other", "hours": 0, "public": True, "az": "x", "en": "x"}]}
    with pytest.raises(ValueError, match="positive"):
        SlaTable.from_data(bad)

"""A stream ticket opens the stream for its ops member for a minute, and nothing else does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ops_desk.domain.access import NotOpsError, OpsMember, StaffMember, admit
from ops_desk.domain.stream_tickets import StreamTickets

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
TICKETS = StreamTickets.from_secret("a-secret", timedelta(seconds=60))


def test_a_ticket_admits_its_member_until_it_ends() -> None:
    ticket = TICKETS.issue(OpsMember("farid"), NOW)
    assert TICKETS.admit(ticket, NOW + timedelta(seconds=59)) == OpsMember("farid")
    assert TICKETS.admit(ticket, NOW + timedelta(seconds=60)) is None


def test_another_key_or_a_changed_name_is_refused() -> None:
    ticket = TICKETS.issue(OpsMember("farid"), NOW)
    other = StreamTickets.from_secret("another-secret", timedelta(seconds=60))
    assert other.admit(ticket, NOW) is None
    forged = TICKETS.issue(OpsMember("rashad"), NOW).split(".")[0] + "." + ticket.split(".")[1]
    assert TICKETS.admit(forged, NOW) is None


@given(st.text(max_size=200))
def test_any_text_is_refused_without_an_error(text: str) -> None:
    assert TICKETS.admit(text, NOW) is None


def test_only_the_ops_role_is_admitted() -> None:
    assert admit(StaffMember("farid", "ops")) == OpsMember("farid")
    for role in ("specialist", "supervisor", ""):
        try:
            admit(StaffMember("aysel", role))
        except NotOpsError:
            continue
        raise AssertionError(f"{role!r} was admitted")

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
    ticket = TICKETS.issue(OpsMember("farid"), NOW, "n1")
    admitted = TICKETS.admit(ticket, NOW + timedelta(seconds=59))
    assert admitted is not None and admitted.member == OpsMember("farid")
    assert admitted.ends == NOW + timedelta(seconds=60)
    assert TICKETS.admit(ticket, NOW + timedelta(seconds=60)) is None


def test_two_tickets_of_one_second_are_told_apart_by_their_nonce() -> None:
    first, second = (TICKETS.issue(OpsMember("farid"), NOW, nonce) for nonce in ("n1", "n2"))
    admitted = [TICKETS.admit(ticket, NOW) for ticket in (first, second, first)]
    ids = [ticket.ticket_id for ticket in admitted if ticket is not None]
    assert len(ids) == 3 and ids[0] == ids[2] != ids[1]


def test_another_key_or_a_changed_name_is_refused() -> None:
    ticket = TICKETS.issue(OpsMember("farid"), NOW, "n1")
    other = StreamTickets.from_secret("another-secret", timedelta(seconds=60))
    assert other.admit(ticket, NOW) is None
    forged = (
        TICKETS.issue(OpsMember("rashad"), NOW, "n1").split(".")[0] + "." + ticket.split(".")[1]
    )
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

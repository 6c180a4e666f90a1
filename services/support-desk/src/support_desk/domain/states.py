"""A ticket's states and which state each one may be entered from."""

from __future__ import annotations

from enum import StrEnum
from typing import assert_never


class TicketState(StrEnum):
    NEW = "new"  # written or opened by itself; nobody has taken it yet
    ASSIGNED = "assigned"  # a specialist is working on it
    WAITING_FOR_CUSTOMER = "waiting_for_customer"  # answered; the customer's turn
    RESOLVED = "resolved"  # settled, by a specialist or by the reconciler
    REDIRECTED = "redirected"  # not ours to solve: the customer was sent to a named institution

    def is_terminal(self) -> bool:
        match self:
            case TicketState.RESOLVED | TicketState.REDIRECTED:
                return True
            case TicketState.NEW | TicketState.ASSIGNED | TicketState.WAITING_FOR_CUSTOMER:
                return False
            case _:
                assert_never(self)

    def counts_against_sla(self) -> bool:
        """Whether the SLA clock runs: not while the customer owes us an answer, not once closed."""
        match self:
            case TicketState.NEW | TicketState.ASSIGNED:
                return True
            case TicketState.WAITING_FOR_CUSTOMER:
                return False
            case TicketState.RESOLVED | TicketState.REDIRECTED:
                return False
            case _:
                assert_never(self)

    def allowed_from(self) -> frozenset[TicketState]:
        """The states a ticket may be in to enter this one."""
        open_states = frozenset(
            {TicketState.NEW, TicketState.ASSIGNED, TicketState.WAITING_FOR_CUSTOMER}
        )
        match self:
            case TicketState.NEW:
                return frozenset()
            case TicketState.ASSIGNED:
                return open_states  # taken, reassigned, or back from the customer
            case TicketState.WAITING_FOR_CUSTOMER:
                return frozenset({TicketState.ASSIGNED, TicketState.WAITING_FOR_CUSTOMER})
            case TicketState.RESOLVED | TicketState.REDIRECTED:
                return open_states
            case _:
                assert_never(self)


class TransitionRefusedError(Exception):
    """A transition asked from a state it cannot start from; says where the ticket is."""

    def __init__(self, ticket_id: str, current: TicketState, wanted: TicketState) -> None:
        allowed = ", ".join(sorted(state.value for state in wanted.allowed_from())) or "nowhere"
        super().__init__(
            f"{ticket_id} is {current.value}; {wanted.value} can only follow {allowed}"
        )
        self.ticket_id = ticket_id
        self.current = current
        self.wanted = wanted
        self.allowed = tuple(sorted(state.value for state in wanted.allowed_from()))

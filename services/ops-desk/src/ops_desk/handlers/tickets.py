"""Stream tickets: handed to a signed-in ops member, and each good for one opening of the stream."""

from __future__ import annotations

import secrets

from ops_desk.domain.access import OpsMember
from ops_desk.handlers.context import OpsDesk
from ops_desk.handlers.errors import StreamTicketUsedError


def hand_out_ticket(desk: OpsDesk, member: OpsMember) -> str:
    return desk.tickets.issue(member, desk.clock(), secrets.token_urlsafe(12))


async def open_with_ticket(desk: OpsDesk, ticket: str) -> OpsMember | None:
    """The member a valid, unended, unused ticket names (it is used from now on); None otherwise."""
    admitted = desk.tickets.admit(ticket, desk.clock())
    if admitted is None:
        return None
    if not await desk.spent_tickets.spend(admitted.ticket_id, admitted.ends, desk.clock()):
        raise StreamTicketUsedError()
    return admitted.member

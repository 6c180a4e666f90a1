"""Who may use the ops console: a signed-in staff member whose role is `ops`. Pure."""

from __future__ import annotations

from dataclasses import dataclass

OPS_ROLE = "ops"


@dataclass(frozen=True)
class StaffMember:
    """Who a valid support-desk token names, with the role it was issued for."""

    username: str
    role: str


@dataclass(frozen=True)
class OpsMember:
    username: str


class NotOpsError(Exception):
    """Signed in, but not as ops: specialists and supervisors work on tickets, not here."""

    def __init__(self, member: StaffMember) -> None:
        super().__init__(f"{member.username} is {member.role}, not {OPS_ROLE}")
        self.member = member


def admit(member: StaffMember) -> OpsMember:
    if member.role != OPS_ROLE:
        raise NotOpsError(member)
    return OpsMember(member.username)

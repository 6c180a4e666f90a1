"""Who may do what to a ticket: specialists work on their own tickets, supervisors on any."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import assert_never

from support_desk.domain.ticket import Ticket


class Role(StrEnum):
    SPECIALIST = "specialist"
    SUPERVISOR = "supervisor"
    OPS = "ops"  # signs in here, works in the ops console (services/ops-desk), not on tickets

    def works_on_any_ticket(self) -> bool:
        match self:
            case Role.SUPERVISOR:
                return True
            case Role.SPECIALIST | Role.OPS:
                return False
            case _:
                assert_never(self)


@dataclass(frozen=True)
class StaffMember:
    username: str
    role: Role


class PermissionRefusedError(Exception):
    def __init__(self, code: str, en: str, az: str, ru: str) -> None:
        super().__init__(f"{code}: {en}")
        self.code = code
        self.en = en
        self.az = az
        self.ru = ru


def check_assignment(actor: StaffMember, ticket: Ticket, assignee: str) -> None:
    """A specialist may take a free ticket (or keep their own); giving one away is a supervisor's."""
    if actor.role.works_on_any_ticket():
        return
    if assignee != actor.username:
        raise PermissionRefusedError(
            "supervisor_only",
            "Only a supervisor can assign a ticket to someone else.",
            "Müraciəti başqasına yalnız supervayzer təyin edə bilər.",
            "Назначить обращение другому может только супервайзер.",
        )
    if ticket.assignee not in (None, actor.username):
        raise PermissionRefusedError(
            "supervisor_only",
            "This ticket is someone else's; only a supervisor can reassign it.",
            "Bu müraciət başqasınındır; onu yalnız supervayzer yenidən təyin edə bilər.",
            "Это обращение чужое; переназначить его может только супервайзер.",
        )


def check_work(actor: StaffMember, ticket: Ticket) -> None:
    """Replying, resolving and redirecting belong to the ticket's specialist, or a supervisor."""
    if actor.role.works_on_any_ticket() or ticket.assignee == actor.username:
        return
    raise PermissionRefusedError(
        "not_your_ticket",
        "This ticket is not assigned to you; take it first.",
        "Bu müraciət sizə təyin edilməyib; əvvəlcə onu götürün.",
        "Это обращение не назначено вам; сначала возьмите его.",
    )

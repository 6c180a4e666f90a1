"""Refusals the handlers share, as problem details with az/en words."""

from __future__ import annotations

from servicekit.problems import Problem
from support_desk.domain.states import TransitionRefusedError

TICKETS_PATH = "/api/support/tickets"


def ticket_not_found() -> Problem:
    """One body for every miss, whatever the id: an unknown ticket and a known ticket asked with
    the wrong e-mail must be indistinguishable, so even `instance` does not echo the id."""
    return Problem(
        404,
        "ticket_not_found",
        "There is no ticket with this number and e-mail.",
        "Bu nömrə və e-poçtla müraciət yoxdur.",
        extra={"instance": TICKETS_PATH},
    )


def state_conflict(refused: TransitionRefusedError) -> Problem:
    allowed = ", ".join(refused.allowed) or "—"
    return Problem(
        409,
        "ticket_state_conflict",
        f"The ticket is {refused.current.value}; {refused.wanted.value} can only follow: {allowed}.",
        f"Müraciət hazırda {refused.current.value} vəziyyətindədir; "
        f"{refused.wanted.value} yalnız bunlardan sonra mümkündür: {allowed}.",
        extra={"state": refused.current.value, "allowed_from": list(refused.allowed)},
    )


def changed_meanwhile() -> Problem:
    return Problem(
        409,
        "ticket_changed",
        "The ticket changed meanwhile; read it again and repeat.",
        "Müraciət bu arada dəyişdi; yenidən oxuyun və təkrarlayın.",
        headers={"Retry-After": "1"},
    )


def no_customer() -> Problem:
    return Problem(
        409,
        "no_customer",
        "This case was opened automatically; there is nobody to write to.",
        "Bu hal avtomatik açılıb; yazılacaq müştəri yoxdur.",
    )

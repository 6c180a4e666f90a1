"""The one place handler refusals become RFC 9457 problems: each error's status and headers.
`bootstrap` registers `problem_for` for every `DeskError` (`servicekit.problems.map_errors`)."""

from __future__ import annotations

from typing import Any

from servicekit.problems import Problem
from support_desk.domain.action_refusals import (
    ActionConflictError,
    ActionForbiddenError,
    ActionNotFoundError,
    ActionRefusedError,
    KeyReusedError,
)
from support_desk.handlers.errors import (
    AttachmentNotAnImageError,
    AttachmentTooLargeError,
    DeskError,
    NoCustomerToWriteError,
    NotPermittedError,
    NotTheCustomerError,
    TicketChangedError,
    TicketClosedError,
    TicketNotAnswerableError,
    TicketNotFoundError,
    TicketStateConflictError,
    TooManyRepliesError,
    UnknownSpecialistError,
)

TICKETS_PATH = "/api/support/tickets"

STATUSES: dict[type[DeskError], int] = {
    TicketNotFoundError: 404,
    TicketStateConflictError: 409,
    TicketChangedError: 409,
    NoCustomerToWriteError: 409,
    NotPermittedError: 403,
    UnknownSpecialistError: 422,
    NotTheCustomerError: 422,
    AttachmentTooLargeError: 413,
    AttachmentNotAnImageError: 415,
    TicketClosedError: 409,
    TicketNotAnswerableError: 409,
    TooManyRepliesError: 409,
}
_HEADERS: dict[type[DeskError], dict[str, str]] = {TicketChangedError: {"Retry-After": "1"}}
# every miss reads the same, whatever the id: even `instance` does not echo it
_EXTRA: dict[type[DeskError], dict[str, Any]] = {TicketNotFoundError: {"instance": TICKETS_PATH}}


def problem_for(error: DeskError) -> Problem:
    kind = type(error)
    return Problem(
        STATUSES[kind],
        error.code,
        error.en,
        error.az,
        ru=error.ru,
        headers=_HEADERS.get(kind),
        extra=error.details | _EXTRA.get(kind, {}),
    )


def ticket_not_found() -> Problem:
    return problem_for(TicketNotFoundError())


_ACTION_STATUSES: dict[type[ActionRefusedError], int] = {
    ActionForbiddenError: 403,
    ActionConflictError: 409,
    ActionNotFoundError: 404,
    KeyReusedError: 422,
}


def action_problem_for(error: ActionRefusedError) -> Problem:
    """A refused action on a case (domain/action_refusals.py), in az, en and ru."""
    return Problem(_ACTION_STATUSES[type(error)], error.code, error.en, error.az, ru=error.ru)

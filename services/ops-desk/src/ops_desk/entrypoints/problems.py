"""The one place ops-desk's refusals become RFC 9457 problems (`map_errors` in bootstrap)."""

from __future__ import annotations

from ops_desk.handlers.errors import (
    DeadLetterNotFoundError,
    FilterRequiredError,
    NothingToReplayError,
    OpsDeskError,
    PaymentNotFoundError,
    SourcesUnavailableError,
    StreamTicketUsedError,
)
from servicekit.problems import Problem

STATUSES: dict[type[OpsDeskError], int] = {
    PaymentNotFoundError: 404,
    DeadLetterNotFoundError: 404,
    NothingToReplayError: 409,
    FilterRequiredError: 422,
    SourcesUnavailableError: 503,
    StreamTicketUsedError: 401,
}


def problem_for(error: OpsDeskError) -> Problem:
    status = STATUSES.get(type(error), 400)
    headers = {"Retry-After": "2"} if status == 503 else None
    if status == 401:
        headers = {"WWW-Authenticate": "Bearer"}
    return Problem(
        status,
        error.code,
        error.en,
        error.az,
        ru=error.ru,
        detail=error.detail or None,
        headers=headers,
    )

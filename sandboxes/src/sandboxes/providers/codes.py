"""The OSMP result codes (protocols.md §2a); the REST family reuses them as strings in `code`."""

from __future__ import annotations

from enum import IntEnum


class ResultCode(IntEnum):
    OK = 0
    TEMPORARY_ERROR = 1
    WRONG_ACCOUNT_FORMAT = 4
    ACCOUNT_NOT_FOUND = 5
    PAYMENT_FORBIDDEN = 7
    TECHNICAL_PAUSE = 8
    ACCOUNT_BLOCKED = 79
    IN_PROGRESS = 90
    SUM_TOO_SMALL = 241
    SUM_TOO_LARGE = 242
    OTHER_ERROR = 300


COMMENTS: dict[int, str] = {
    ResultCode.OK: "OK",
    ResultCode.TEMPORARY_ERROR: "temporary error, retry later",
    ResultCode.WRONG_ACCOUNT_FORMAT: "wrong account format",
    ResultCode.ACCOUNT_NOT_FOUND: "account not found",
    ResultCode.PAYMENT_FORBIDDEN: "payment forbidden by the provider",
    ResultCode.TECHNICAL_PAUSE: "technical pause, retry later",
    ResultCode.ACCOUNT_BLOCKED: "account blocked",
    ResultCode.IN_PROGRESS: "payment in progress",
    ResultCode.SUM_TOO_SMALL: "sum too small",
    ResultCode.SUM_TOO_LARGE: "sum too large",
    ResultCode.OTHER_ERROR: "other error",
}


def comment_for(code: int) -> str:
    """Injected reject codes may lie outside the table; they still get a readable comment."""
    return COMMENTS.get(code, f"rejected by the provider (code {code})")

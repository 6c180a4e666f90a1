"""How the chaos customers read an answer: worth retrying with the same key, or a refusal."""

from __future__ import annotations

import httpx


def retryable(answer: httpx.Response) -> bool:
    """A 5xx, a 429, or the same key's first request still running (a replica died under it)."""
    in_progress = answer.status_code == 409 and "request_in_progress" in answer.text
    return answer.status_code >= 500 or answer.status_code == 429 or in_progress


def refusal(what: str, answer: httpx.Response | None) -> str:
    """E.g. `azercell 422 invalid_account`: how a payment came to be refused."""
    if answer is None:
        return f"{what} no answer"
    code = answer.json().get("code", "") if "json" in answer.headers.get("content-type", "") else ""
    return f"{what} {answer.status_code} {code}".strip()

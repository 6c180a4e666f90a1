"""Client of the MCQS registry (docs/protocols.md §4): signed JSON over HTTP.

Submissions are idempotent by transaction id (our payment id), so a submission whose answer was
lost is simply sent again. Anything that is not a clear answer is `RegistryUnavailableError`
(try again later); a 4xx about the request itself is `RegistryRefusedError` (final).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal
from urllib.parse import quote

import httpx

from servicekit.signing import request_signature

CLIENT_ID = "portal"
RegistryStatus = Literal["pending", "registered", "rejected"]
_STATUSES: tuple[RegistryStatus, ...] = ("pending", "registered", "rejected")


class RegistryUnavailableError(Exception):
    """No usable answer: the registry is down, slow, or said something we do not understand."""


class RegistryRefusedError(Exception):
    """The registry refused the request itself (malformed, conflicting): nothing was registered."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class RegistryAnswer:
    reference: str
    status: RegistryStatus
    registered_at: datetime | None
    expected_by: datetime | None  # when the registry means to be done
    code: str | None
    reason: str | None


@dataclass(frozen=True)
class ImeiLookup:
    status: Literal["registered", "pending", "not_registered"]
    registered_at: datetime | None


class McqsClient:
    def __init__(
        self,
        client: httpx.AsyncClient,
        base_url: str,
        secret: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._client = client
        self._base_url = base_url.rstrip("/")
        self._secret = secret
        self._clock = clock

    async def submit(
        self,
        transaction_id: str,
        imeis: tuple[str, ...],
        brand: str | None,
        model: str | None,
        fee_qepik: int,
    ) -> RegistryAnswer:
        body = {
            "transaction_id": transaction_id,
            "imeis": list(imeis),
            "brand": brand,
            "model": model,
            "fee_qepik": fee_qepik,
        }
        status_code, answer = await self._send("POST", "/registrations", body)
        if status_code in (200, 201):
            return _answer(answer)
        raise _refused(status_code, answer)

    async def status(self, transaction_id: str) -> RegistryAnswer | None:
        """The registration as the registry has it; None if it never saw the transaction."""
        path = f"/registrations/{quote(transaction_id, safe='')}"
        status_code, answer = await self._send("GET", path, None)
        if status_code == 200:
            return _answer(answer)
        if status_code == 404:
            return None
        raise _refused(status_code, answer)

    async def look_up(self, imei: str) -> ImeiLookup:
        status_code, answer = await self._send("GET", f"/imeis/{quote(imei, safe='')}", None)
        status = answer.get("status")
        if status_code != 200 or status not in ("registered", "pending", "not_registered"):
            raise _refused(status_code, answer)
        return ImeiLookup(status, _moment(answer.get("registered_at")))

    async def _send(
        self, method: str, path: str, body: dict[str, Any] | None
    ) -> tuple[int, dict[str, Any]]:
        request = self._client.build_request(
            method, f"{self._base_url}{path}", json=body if body is not None else None
        )
        timestamp = int(self._clock())
        request.headers["X-Client-Id"] = CLIENT_ID
        request.headers["X-Timestamp"] = str(timestamp)
        request.headers["X-Signature"] = request_signature(
            self._secret, timestamp, request.method, request.url.path, request.content
        )
        try:
            response = await self._client.send(request)
        except httpx.HTTPError as error:
            raise RegistryUnavailableError(repr(error)) from error
        if response.status_code >= 500:
            raise RegistryUnavailableError(f"registry answered {response.status_code}")
        try:
            answer = response.json()
        except ValueError as error:
            raise RegistryUnavailableError("registry answered no JSON") from error
        return response.status_code, answer if isinstance(answer, dict) else {}


def _answer(answer: dict[str, Any]) -> RegistryAnswer:
    status, reference = answer.get("status"), answer.get("registry_reference")
    if status not in _STATUSES or not isinstance(reference, str) or not reference:
        raise RegistryUnavailableError(f"registry answer not understood: {answer!r:.200}")
    code, reason = answer.get("code"), answer.get("reason")
    return RegistryAnswer(
        reference=reference,
        status=status,
        registered_at=_moment(answer.get("registered_at")),
        expected_by=_moment(answer.get("expected_by")),
        code=code if isinstance(code, str) else None,
        reason=reason if isinstance(reason, str) else None,
    )


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _refused(status_code: int, answer: dict[str, Any]) -> Exception:
    if status_code == 401:  # our secret or clock is wrong: an operator must act; keep retrying
        return RegistryUnavailableError("registry refused our signature")
    if 400 <= status_code < 500:
        return RegistryRefusedError(str(answer.get("error", f"http_{status_code}"))[:32])
    return RegistryUnavailableError(f"registry answered {status_code}")

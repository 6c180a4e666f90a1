"""Client of the signed REST/JSON provider family: its answers become PayOutcome and AccountInfo.

A 4xx other than the protocol's own "not found"/"invalid" means the provider refused the request
itself (bad signature, malformed call), so nothing was paid: that is a ProviderError, not a retry.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import httpx

from provider_gateway.adapters.base import (
    AccountInfo,
    AccountNotFoundError,
    InvalidAccountError,
    PayOutcome,
    PayState,
    ProviderError,
    ProviderUnavailableError,
)
from provider_gateway.adapters.signing import sign_request
from provider_gateway.adapters.transport import read_bounded, retry_after

PAY_STATES = {
    "completed": PayState.COMPLETED,
    "pending": PayState.PENDING,
    "rejected": PayState.REJECTED,
}


class RestAdapter:
    def __init__(
        self,
        client: httpx.AsyncClient,
        base_url: str,
        secret: str,
        *,
        timeout: float = 10.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._client = client
        self._base_url = base_url.rstrip("/")
        self._secret = secret
        self._timeout = timeout
        self._clock = clock

    async def lookup(self, service_id: str, account: str) -> AccountInfo:
        path = f"/rest/{quote(service_id, safe='')}/accounts/lookup"
        status_code, answer = await self._send("POST", path, {"account": account})
        if status_code == 200:
            return AccountInfo(
                account=str(answer.get("account", account)),
                holder=answer.get("holder") if isinstance(answer.get("holder"), str) else None,
                balance_qepik=_whole(answer.get("balance_qepik")),
                debt_qepik=_whole(answer.get("debt_qepik")),
                min_qepik=_whole(answer.get("min_qepik")),
                max_qepik=_whole(answer.get("max_qepik")),
            )
        if status_code == 404 and answer.get("error") == "account_not_found":
            raise AccountNotFoundError(account)
        if status_code == 422 and answer.get("error") == "invalid_account":
            raise InvalidAccountError(account)
        raise _refused(status_code, answer)

    async def pay(
        self, service_id: str, transaction_id: str, account: str, amount_qepik: int
    ) -> PayOutcome:
        path = f"/rest/{quote(service_id, safe='')}/payments"
        payment = {
            "transaction_id": transaction_id,
            "account": account,
            "amount_qepik": amount_qepik,
        }
        status_code, answer = await self._send("POST", path, payment)
        if status_code in (200, 201):
            return _outcome(answer, transaction_id)
        raise _refused(status_code, answer)

    async def status(self, service_id: str, transaction_id: str) -> PayOutcome:
        path = f"/rest/{quote(service_id, safe='')}/payments/{quote(transaction_id, safe='')}"
        status_code, answer = await self._send("GET", path, None)
        if status_code == 200:
            return _outcome(answer, transaction_id)
        if status_code == 404 and answer.get("error") == "transaction_not_found":
            return PayOutcome(PayState.NOT_FOUND, "transaction_not_found", "provider never saw it")
        raise _refused(status_code, answer)

    async def _send(
        self, method: str, path: str, payload: dict[str, Any] | None
    ) -> tuple[int, dict[str, Any]]:
        body = b"" if payload is None else json.dumps(payload, separators=(",", ":")).encode()
        headers = {"Content-Type": "application/json"} if payload is not None else {}
        request = self._client.build_request(
            method, self._base_url + path, content=body, headers=headers, timeout=self._timeout
        )
        sign_request(request, self._secret, self._clock)
        try:
            async with asyncio.timeout(self._timeout):
                response = await self._client.send(request, stream=True)
                try:
                    if response.status_code >= 500:
                        raise ProviderUnavailableError(
                            f"provider answered HTTP {response.status_code}",
                            retry_after=retry_after(response),
                        )
                    raw = await read_bounded(response)
                finally:
                    await response.aclose()
        except (httpx.TimeoutException, TimeoutError) as error:
            raise ProviderUnavailableError("no answer in time", timed_out=True) from error
        except httpx.HTTPError as error:
            raise ProviderUnavailableError(f"provider unreachable: {error!r}") from error
        try:
            answer = json.loads(raw) if raw else {}
        except ValueError:
            answer = {}
        return response.status_code, answer if isinstance(answer, dict) else {}


def _outcome(answer: dict[str, Any], transaction_id: str) -> PayOutcome:
    state = PAY_STATES.get(str(answer.get("status")))
    if state is None or answer.get("transaction_id") != transaction_id:
        raise ProviderUnavailableError(f"unusable payment answer for {transaction_id}")
    reference = answer.get("provider_reference")
    return PayOutcome(
        state,
        code=str(answer.get("code", "")),
        message=str(answer.get("message", "")),
        provider_reference=reference if isinstance(reference, str) else None,
    )


def _refused(status_code: int, answer: dict[str, Any]) -> ProviderError:
    if status_code in (401, 403):
        return ProviderError(f"provider refused our signature (HTTP {status_code})")
    return ProviderError(f"provider refused the request (HTTP {status_code}): {answer}")


def _whole(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None

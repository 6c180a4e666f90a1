"""Client of the OSMP/QIWI provider family: its XML answers become PayOutcome and AccountInfo.

Codes 1 and 8 (and 90 on a check) mean "ask again later" and raise ProviderUnavailableError; 90 on
a payment is PENDING; every other non-zero code is final.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from urllib.parse import quote
from xml.etree import ElementTree as ET

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
from provider_gateway.adapters.transport import read_bounded, retry_after

RETRY_LATER_CODES = frozenset({1, 8})
OK, WRONG_ACCOUNT, ACCOUNT_NOT_FOUND, IN_PROGRESS, OTHER_ERROR = 0, 4, 5, 90, 300
BAKU = timezone(timedelta(hours=4), "Asia/Baku")  # no daylight saving since 2016
_AMOUNT = re.compile(r"(-?)(\d{1,12})(?:\.(\d{1,2}))?")


@dataclass(frozen=True)
class OsmpAnswer:
    result: int
    comment: str
    txn_id: str | None
    provider_reference: str | None
    sum_qepik: int | None
    fields: dict[str, str]


class OsmpAdapter:
    def __init__(
        self,
        client: httpx.AsyncClient,
        base_url: str,
        *,
        timeout: float = 10.0,
        now: Callable[[], datetime] = lambda: datetime.now(BAKU),
    ) -> None:
        self._client = client
        self._base_url = base_url.rstrip("/")
        self._timeout = timeout
        self._now = now

    async def lookup(self, service_id: str, account: str) -> AccountInfo:
        _, answer = await self._call(service_id, {"command": "check", "account": account})
        if answer.result == WRONG_ACCOUNT:
            raise InvalidAccountError(answer.comment)
        if answer.result == ACCOUNT_NOT_FOUND:
            raise AccountNotFoundError(answer.comment)
        if answer.result == IN_PROGRESS:
            raise ProviderUnavailableError("check still in progress")
        if answer.result != OK:
            raise ProviderError(f"provider refused the check ({answer.result}): {answer.comment}")
        fields = answer.fields
        return AccountInfo(
            account=account,
            holder=fields.get("holder"),
            balance_qepik=to_qepik(fields.get("balance")),
            debt_qepik=to_qepik(fields.get("debt")),
            min_qepik=to_qepik(fields.get("min")),
            max_qepik=to_qepik(fields.get("max")),
        )

    async def pay(
        self, service_id: str, transaction_id: str, account: str, amount_qepik: int
    ) -> PayOutcome:
        params = {
            "command": "pay",
            "txn_id": transaction_id,
            "account": account,
            "sum": f"{amount_qepik // 100}.{amount_qepik % 100:02d}",
            "txn_date": self._now().strftime("%Y%m%d%H%M%S"),
        }
        _, answer = await self._call(service_id, params)
        return _outcome(answer, transaction_id)

    async def status(self, service_id: str, transaction_id: str) -> PayOutcome:
        params = {"command": "status", "txn_id": transaction_id}
        status_code, answer = await self._call(service_id, params, not_found_allowed=True)
        if status_code != 404:
            return _outcome(answer, transaction_id)
        if answer.result != OTHER_ERROR or answer.txn_id != transaction_id:
            raise ProviderUnavailableError(f"unusable 'not found' for {transaction_id}")
        return PayOutcome(PayState.NOT_FOUND, code=str(answer.result), message=answer.comment)

    async def _call(
        self, service_id: str, params: dict[str, str], *, not_found_allowed: bool = False
    ) -> tuple[int, OsmpAnswer]:
        url = f"{self._base_url}/osmp/{quote(service_id, safe='')}"
        try:
            async with (
                asyncio.timeout(self._timeout),
                self._client.stream("GET", url, params=params, timeout=self._timeout) as response,
            ):
                if response.status_code >= 500:
                    raise ProviderUnavailableError(
                        f"provider answered HTTP {response.status_code}",
                        retry_after=retry_after(response),
                    )
                body = await read_bounded(response)
        except (httpx.TimeoutException, TimeoutError) as error:
            raise ProviderUnavailableError("no answer in time", timed_out=True) from error
        except httpx.HTTPError as error:
            raise ProviderUnavailableError(f"provider unreachable: {error!r}") from error
        if response.status_code != 200 and not (not_found_allowed and response.status_code == 404):
            raise ProviderError(f"provider refused the request (HTTP {response.status_code})")
        answer = parse_answer(body)
        if answer.result in RETRY_LATER_CODES:
            raise ProviderUnavailableError(f"provider asks to retry later ({answer.result})")
        return response.status_code, answer


def _outcome(answer: OsmpAnswer, transaction_id: str) -> PayOutcome:
    if answer.txn_id != transaction_id:
        raise ProviderUnavailableError(f"answer names txn {answer.txn_id!r}, not ours")
    state = {OK: PayState.COMPLETED, IN_PROGRESS: PayState.PENDING}.get(
        answer.result, PayState.REJECTED
    )
    return PayOutcome(
        state, str(answer.result), answer.comment, answer.provider_reference, answer.sum_qepik
    )


def parse_answer(body: bytes) -> OsmpAnswer:
    """Reads a `<response>`; anything else (DTDs included: no entities) is an unusable answer."""
    if b"<!DOCTYPE" in body.upper() or b"<!ENTITY" in body.upper():
        raise ProviderUnavailableError("answer declares a DTD")
    try:
        root = ET.fromstring(body)
    except ET.ParseError as error:
        raise ProviderUnavailableError(f"answer is not XML: {error}") from error
    result = (root.findtext("result") or "").strip()
    if root.tag != "response" or not result.isdigit():
        raise ProviderUnavailableError("answer is not an OSMP <response> with a <result>")
    fields = root.find("fields")
    return OsmpAnswer(
        result=int(result),
        comment=(root.findtext("comment") or "").strip(),
        txn_id=root.findtext("osmp_txn_id"),
        provider_reference=root.findtext("prv_txn"),
        sum_qepik=to_qepik(root.findtext("sum")),
        fields={} if fields is None else {f.get("name", f.tag): f.text or "" for f in fields},
    )


def to_qepik(text: str | None) -> int | None:
    """`12.40` → 1240; absent or unreadable amounts are None (passed on as not given)."""
    match = _AMOUNT.fullmatch((text or "").strip())
    if match is None:
        return None
    qepik = int(match[2]) * 100 + int((match[3] or "0").ljust(2, "0"))
    return -qepik if match[1] else qepik

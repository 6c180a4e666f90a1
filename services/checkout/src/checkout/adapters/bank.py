"""Client of the acquiring bank's merchant API: card-page sessions, status, refunds (signed)."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from servicekit.signing import request_signature


class BankUnavailableError(Exception):
    """The bank did not answer usefully; the operation may be retried (it is idempotent)."""


@dataclass(frozen=True)
class CardPageSession:
    session_id: str
    payment_page_url: str
    expires_at: datetime


@dataclass(frozen=True)
class BankTransaction:
    status: str
    amount_qepik: int
    bank_reference: str | None
    decline_reason: str | None
    bank_code: str | None


class BankClient:
    def __init__(self, client: httpx.AsyncClient, base_url: str, merchant_secret: str) -> None:
        self._client = client
        self._base_url = base_url.rstrip("/")
        self._secret = merchant_secret

    async def open_session(
        self,
        order_id: str,
        total_qepik: int,
        description: str,
        return_url: str,
        callback_url: str,
        language: str,
    ) -> CardPageSession:
        body = {
            "order_id": order_id,
            "amount_qepik": total_qepik,
            "currency": "AZN",
            "description": description,
            "return_url": return_url,
            "callback_url": callback_url,
            "language": language,
        }
        answer = await self._call("POST", "/sessions", body)
        return CardPageSession(
            session_id=answer["session_id"],
            payment_page_url=answer["payment_page_url"],
            expires_at=datetime.fromisoformat(answer["expires_at"]),
        )

    async def transaction(self, order_id: str) -> BankTransaction | None:
        answer = await self._call("GET", f"/transactions/{order_id}", None, allow_404=True)
        if answer is None:
            return None
        return BankTransaction(
            status=answer["status"],
            amount_qepik=answer["amount_qepik"],
            bank_reference=answer.get("bank_reference"),
            decline_reason=answer.get("decline_reason"),
            bank_code=answer.get("bank_code"),
        )

    async def refund(self, order_id: str, amount_qepik: int) -> str:
        """Refunds idempotently (refund id = order id); returns the bank's refund reference."""
        body = {"refund_id": order_id, "order_id": order_id, "amount_qepik": amount_qepik}
        answer = await self._call("POST", "/refunds", body)
        return str(answer["refund_reference"])

    async def _call(
        self, method: str, path: str, body: dict[str, Any] | None, allow_404: bool = False
    ) -> Any:
        url = f"{self._base_url}{path}"
        raw = json.dumps(body, separators=(",", ":")).encode() if body is not None else b""
        timestamp = int(time.time())
        headers = {
            "X-Merchant-Id": "portal",
            "X-Timestamp": str(timestamp),
            "X-Signature": request_signature(
                self._secret, timestamp, method, urlsplit(url).path, raw
            ),
            "Content-Type": "application/json",
        }
        try:
            response = await self._client.request(method, url, content=raw or None, headers=headers)
        except httpx.HTTPError as error:
            raise BankUnavailableError(f"bank unreachable: {error!r}") from error
        if allow_404 and response.status_code == 404:
            return None
        if response.status_code >= 300:
            raise BankUnavailableError(
                f"bank answered {response.status_code}: {response.text[:200]}"
            )
        return response.json()

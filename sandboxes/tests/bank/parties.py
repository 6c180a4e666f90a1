"""The parties around the bank in tests: a movable clock, checkout signing its requests, a
customer's browser, and checkout's callback endpoint listening on loopback."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from starlette.requests import Request
from starlette.responses import Response

SANDBOX_URL = "http://127.0.0.1:8200"
VISA_OK = "4111 1111 1111 1111"
START = datetime(2026, 3, 14, 10, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.current = start

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)

    def unix(self) -> int:
        return int(self.current.timestamp())


@dataclass(frozen=True)
class ReceivedCallback:
    headers: dict[str, str]
    body: bytes

    def json(self) -> dict[str, Any]:
        parsed: dict[str, Any] = json.loads(self.body)
        return parsed


@dataclass
class CallbackReceiver:
    """Plays checkout's callback endpoint; answers the statuses in `answers` first, then 200."""

    url: str = ""
    received: list[ReceivedCallback] = field(default_factory=list)
    answers: list[int] = field(default_factory=list)
    _arrived: asyncio.Condition = field(default_factory=asyncio.Condition)

    async def endpoint(self, request: Request) -> Response:
        callback = ReceivedCallback(dict(request.headers), await request.body())
        async with self._arrived:
            self.received.append(callback)
            self._arrived.notify_all()
        return Response(status_code=self.answers.pop(0) if self.answers else 200)

    async def wait_for(self, count: int) -> list[ReceivedCallback]:
        """The callbacks once `count` have arrived; fails after 5 s."""
        async with asyncio.timeout(5), self._arrived:
            await self._arrived.wait_for(lambda: len(self.received) >= count)
        return self.received


@dataclass
class Merchant:
    """Checkout's side of the merchant API, signing exactly as protocols.md §1 says."""

    http: httpx.AsyncClient
    secret: str
    clock: FakeClock
    callback_url: str = "http://127.0.0.1:9/unused"

    def headers(self, method: str, path: str, body: bytes, *, skew: int = 0) -> dict[str, str]:
        timestamp = str(self.clock.unix() + skew)
        message = f"{timestamp}.{method}.{path}.".encode() + body
        signature = hmac.new(self.secret.encode(), message, hashlib.sha256).hexdigest()
        return {"X-Merchant-Id": "portal", "X-Timestamp": timestamp, "X-Signature": signature}

    async def post(self, path: str, payload: dict[str, Any]) -> httpx.Response:
        body = json.dumps(payload).encode()
        headers = {**self.headers("POST", path, body), "Content-Type": "application/json"}
        return await self.http.post(path, content=body, headers=headers)

    async def get(self, path: str) -> httpx.Response:
        return await self.http.get(path, headers=self.headers("GET", path, b""))

    async def open_session(self, order_id: str, amount_qepik: int = 1010) -> dict[str, Any]:
        response = await self.post("/bank/sessions", self.session_payload(order_id, amount_qepik))
        assert response.status_code == 201, response.text
        opened: dict[str, Any] = response.json()
        return opened

    def session_payload(self, order_id: str, amount_qepik: int = 1010) -> dict[str, Any]:
        return {
            "order_id": order_id,
            "amount_qepik": amount_qepik,
            "currency": "AZN",
            "description": "Azercell 0501234567",
            "return_url": f"http://127.0.0.1:8080/pay/result?payment={order_id}",
            "callback_url": self.callback_url,
            "language": "az",
        }

    async def status(self, order_id: str) -> dict[str, Any]:
        response = await self.get(f"/bank/transactions/{order_id}")
        assert response.status_code == 200, response.text
        found: dict[str, Any] = response.json()
        return found


@dataclass
class Customer:
    """A browser on the hosted card page, posting the real form."""

    http: httpx.AsyncClient

    async def pay(
        self,
        session: dict[str, Any],
        card_number: str,
        *,
        expiry: str = "12/30",
        cvv: str = "123",
        holder: str = "Aysel Mammadova",
    ) -> httpx.Response:
        form = {"card_number": card_number, "expiry": expiry, "cvv": cvv, "holder": holder}
        return await self.http.post(session["payment_page_url"], data=form)

    async def answer_three_ds(self, session: dict[str, Any], code: str) -> httpx.Response:
        return await self.http.post(f"{session['payment_page_url']}/3ds", data={"code": code})


def assert_signed_by_the_bank(callback: ReceivedCallback, secret: str, clock: FakeClock) -> None:
    """Checks the callback as checkout must: HMAC over "{timestamp}.{body}", fresh timestamp."""
    timestamp = callback.headers["x-bank-timestamp"]
    message = f"{timestamp}.".encode() + callback.body
    expected = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    assert callback.headers["x-bank-signature"] == expected
    assert abs(int(timestamp) - clock.unix()) <= 300
    assert callback.headers["content-type"] == "application/json"


async def ledger(http: httpx.AsyncClient, order_id: str) -> dict[str, int]:
    """What the bank's test control says moved for the order."""
    found: dict[str, int] = (await http.get(f"/bank/_control/ledger/{order_id}")).json()
    return found

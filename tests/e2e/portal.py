"""What an e2e test does as a customer (through the gateway) and as the outside world (sandboxes)."""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import httpx

from devstack.stack import Stack

T = TypeVar("T")
SUCCESS_CARD = "4111 1111 1111 1111"
FINAL_STATES = {"completed", "refunded", "declined", "expired"}


class Portal:
    def __init__(self, system: Stack, client: httpx.AsyncClient) -> None:
        self.system = system
        self.http = client

    async def create_payment(
        self,
        service_id: str,
        account: str,
        amount: str,
        email: str | None = "aysel@example.az",
        key: str | None = None,
        language: str | None = None,
    ) -> httpx.Response:
        body: dict[str, Any] = {"service_id": service_id, "account": account, "amount": amount}
        if email:
            body["email"] = email
        if language:
            body["language"] = language
        return await self.http.post(
            f"{self.system.gateway_url}/api/payments",
            json=body,
            headers={"Idempotency-Key": key or f"test-{uuid.uuid4().hex}"},
        )

    async def start_payment(
        self, service_id: str, account: str, amount: str, **options: Any
    ) -> dict[str, Any]:
        response = await self.create_payment(service_id, account, amount, **options)
        assert response.status_code == 201, response.text
        created: dict[str, Any] = response.json()
        return created

    async def pay_on_bank_page(
        self,
        page_url: str,
        card: str = SUCCESS_CARD,
        expiry: str = "12/30",
        three_ds_code: str | None = None,
    ) -> httpx.Response:
        """Fills the bank's real HTML form, as a browser would (and its 3-D Secure form if asked)."""
        page = await self.http.get(page_url)
        assert page.status_code == 200 and "<form" in page.text
        form = {"card_number": card, "expiry": expiry, "cvv": "123", "holder": "AYSEL MAMMADOVA"}
        answer = await self.http.post(page_url, data=form)
        if three_ds_code is not None:
            challenge = str(answer.url) if "3ds" in str(answer.url) else f"{page_url}/3ds"
            answer = await self.http.post(challenge, data={"code": three_ds_code})
        return answer

    async def pay_on_bank_page_late(self, page_url: str) -> httpx.Response:
        """Tries the card form after the page's time ran out."""
        form = {"card_number": SUCCESS_CARD, "expiry": "12/30", "cvv": "123", "holder": "LATE"}
        return await self.http.post(page_url, data=form)

    async def payment(self, payment_id: str) -> dict[str, Any]:
        response = await self.http.get(f"{self.system.gateway_url}/api/payments/{payment_id}")
        assert response.status_code == 200, response.text
        view: dict[str, Any] = response.json()
        return view

    async def wait_for_state(
        self, payment_id: str, states: set[str], seconds: float = 30
    ) -> dict[str, Any]:
        deadline = asyncio.get_running_loop().time() + seconds
        while True:
            view = await self.payment(payment_id)
            if view["state"] in states or asyncio.get_running_loop().time() > deadline:
                return view
            await asyncio.sleep(0.25)

    async def wait_until(
        self, read: Callable[[], Awaitable[T]], done: Callable[[T], bool], seconds: float = 15
    ) -> T:
        deadline = asyncio.get_running_loop().time() + seconds
        while True:
            value = await read()
            if done(value) or asyncio.get_running_loop().time() > deadline:
                return value
            await asyncio.sleep(0.25)

    async def mail_to(
        self, address: str, subject_contains: str, seconds: float = 15
    ) -> dict[str, Any] | None:
        deadline = asyncio.get_running_loop().time() + seconds
        while asyncio.get_running_loop().time() < deadline:
            listing = await self.http.get(
                f"{self.system.sandbox_url}/mail/messages", params={"to": address}
            )
            for message in listing.json():
                if subject_contains in message["subject"]:
                    full = await self.http.get(
                        f"{self.system.sandbox_url}/mail/messages/{message['id']}"
                    )
                    result: dict[str, Any] = full.json()
                    return result
            await asyncio.sleep(0.25)
        return None

    async def provider_fault(self, service_id: str, **faults: Any) -> None:
        url = f"{self.system.sandbox_url}/providers/_control/faults/{service_id}"
        response = await self.http.put(url, json=faults)
        assert response.status_code < 300, response.text

    async def clear_provider_faults(self, service_id: str) -> None:
        await self.http.delete(f"{self.system.sandbox_url}/providers/_control/faults/{service_id}")

    async def provider_ledger(self, service_id: str, payment_id: str) -> dict[str, Any]:
        url = f"{self.system.sandbox_url}/providers/_control/ledger/{service_id}/{payment_id}"
        response = await self.http.get(url)
        ledger: dict[str, Any] = (
            response.json()
            if response.status_code == 200
            else {"pay_calls": 0, "payments_recorded": 0, "status_queries": 0}
        )
        return ledger

    async def bank_ledger(self, payment_id: str) -> dict[str, Any]:
        response = await self.http.get(
            f"{self.system.sandbox_url}/bank/_control/ledger/{payment_id}"
        )
        assert response.status_code == 200, response.text
        ledger: dict[str, Any] = response.json()
        return ledger

    async def imei_quote(
        self,
        device_type: str,
        imeis: list[str],
        email: str | None = None,
        language: str | None = None,
    ) -> httpx.Response:
        """Through the gateway, which limits quotes per client: waits out a 429 as a browser would."""
        body: dict[str, Any] = {"device_type": device_type, "imeis": imeis}
        if email:
            body["email"] = email
        if language:
            body["language"] = language
        for _ in range(20):
            answer = await self.http.post(f"{self.system.gateway_url}/api/imei/quotes", json=body)
            if answer.status_code != 429:
                break
            await asyncio.sleep(float(answer.headers.get("Retry-After", "1")))
        return answer

    async def imei_status(self, imei: str) -> dict[str, Any]:
        response = await self.http.get(f"{self.system.gateway_url}/api/imei/registrations/{imei}")
        assert response.status_code == 200, response.text
        status: dict[str, Any] = response.json()
        return status

    async def mcqs_fault(self, imei: str, **faults: Any) -> None:
        url = f"{self.system.sandbox_url}/mcqs/_control/faults/{imei}"
        response = await self.http.put(url, json=faults)
        assert response.status_code < 300, response.text

    async def mcqs_ledger(self, payment_id: str) -> dict[str, Any]:
        response = await self.http.get(
            f"{self.system.sandbox_url}/mcqs/_control/ledger/{payment_id}"
        )
        ledger: dict[str, Any] = response.json()
        return ledger


def unique_phone(prefix: str = "50") -> str:
    """A fresh national number, so tests never share an account."""
    return prefix + str(uuid.uuid4().int)[:7]


def digits(length: int) -> str:
    number = str(uuid.uuid4().int)
    return re.sub(r"\D", "", number)[:length].rjust(length, "1")

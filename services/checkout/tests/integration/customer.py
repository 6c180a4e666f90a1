"""What a customer does in integration tests: asks checkout's API for a payment, pays on the bank's
card page (the bank then calls checkout back), and reads the payment."""

from __future__ import annotations

from typing import Any

import httpx

from .parties import bank_ledger, wait_until

SUCCESS_CARD = "4111111111111111"


def order(amount: str = "10.00") -> dict[str, Any]:
    return {"service_id": "azercell", "account": "501234567", "amount": amount}


async def create(
    api: httpx.AsyncClient, key: str, body: dict[str, Any] | None = None
) -> httpx.Response:
    return await api.post("/api/payments", json=body or order(), headers={"Idempotency-Key": key})


async def start_payment(api: httpx.AsyncClient, key: str) -> dict[str, Any]:
    created = await create(api, key)
    assert created.status_code == 201, created.text
    answer: dict[str, Any] = created.json()
    return answer


async def pay_on_card_page(bank_http: httpx.AsyncClient, page_url: str) -> None:
    """Fills the bank's card form; the bank debits the card and sends its callback to checkout."""
    form = {"card_number": SUCCESS_CARD, "expiry": "12/30", "cvv": "123", "holder": "AYSEL M"}
    answer = await bank_http.post(page_url, data=form)
    assert answer.status_code in (200, 303), answer.text


async def paid(api: httpx.AsyncClient, bank_http: httpx.AsyncClient, key: str) -> str:
    """A payment the customer paid, once checkout has accepted the bank's callback."""
    created = await start_payment(api, key)
    await pay_on_card_page(bank_http, created["payment_page_url"])
    payment_id: str = created["payment_id"]
    await wait_until(
        lambda: bank_ledger(bank_http, payment_id),
        lambda ledger: ledger["callbacks_delivered"] >= 1,
    )
    return payment_id


async def read(api: httpx.AsyncClient, payment_id: str) -> dict[str, Any]:
    answer = await api.get(f"/api/payments/{payment_id}")
    assert answer.status_code == 200, answer.text
    view: dict[str, Any] = answer.json()
    return view

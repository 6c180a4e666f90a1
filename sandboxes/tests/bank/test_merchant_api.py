"""The signed merchant API as checkout uses it: sessions, status, refunds, signatures."""

from __future__ import annotations

import json

import httpx
import pytest

from .parties import FakeClock, Merchant


async def test_opening_a_session_gives_a_card_page_that_expires_after_the_session_time(
    merchant: Merchant, clock: FakeClock
) -> None:
    opened = await merchant.open_session("pay_1")

    assert opened["session_id"].startswith("ses_")
    assert opened["payment_page_url"] == f"http://127.0.0.1:8200/bank/pay/{opened['session_id']}"
    assert opened["expires_at"] == "2026-03-14T10:15:00+00:00"
    assert await merchant.status("pay_1") == {
        "order_id": "pay_1",
        "session_id": opened["session_id"],
        "status": "pending",
        "amount_qepik": 1010,
        "refunded_qepik": 0,
    }


async def test_the_same_order_gets_the_same_session_and_another_amount_is_refused(
    merchant: Merchant,
) -> None:
    first = await merchant.open_session("pay_1")

    again = await merchant.post("/bank/sessions", merchant.session_payload("pay_1"))
    other_amount = await merchant.post("/bank/sessions", merchant.session_payload("pay_1", 2000))

    assert again.status_code == 200
    assert again.json() == first
    assert other_amount.status_code == 409
    assert other_amount.json()["error"] == "amount_mismatch"


@pytest.mark.parametrize(
    "change",
    [
        {"amount_qepik": 0},
        {"amount_qepik": 10.1},
        {"currency": "USD"},
        {"return_url": "javascript:alert(1)"},
        {"callback_url": "ftp://127.0.0.1/x"},
    ],
)
async def test_a_malformed_session_request_is_refused(
    merchant: Merchant, change: dict[str, object]
) -> None:
    response = await merchant.post(
        "/bank/sessions", {**merchant.session_payload("pay_1"), **change}
    )
    assert response.status_code == 422
    assert (await merchant.get("/bank/transactions/pay_1")).status_code == 404


async def test_an_unknown_order_is_404(merchant: Merchant) -> None:
    response = await merchant.get("/bank/transactions/pay_never")
    assert response.status_code == 404
    assert response.json()["error"] == "unknown_order"


async def test_a_request_signed_with_another_secret_is_401(
    merchant: Merchant, http: httpx.AsyncClient
) -> None:
    merchant.secret = "not-the-bank-secret"
    response = await merchant.post("/bank/sessions", merchant.session_payload("pay_1"))
    assert response.status_code == 401
    assert response.json() == {"error": "bad_signature"}


async def test_a_body_changed_after_signing_is_401(merchant: Merchant) -> None:
    signed = json.dumps(merchant.session_payload("pay_1")).encode()
    tampered = json.dumps(merchant.session_payload("pay_1", 1)).encode()
    headers = merchant.headers("POST", "/bank/sessions", signed)
    response = await merchant.http.post("/bank/sessions", content=tampered, headers=headers)
    assert response.status_code == 401
    assert (await merchant.get("/bank/transactions/pay_1")).status_code == 404


async def test_a_signature_for_another_path_or_merchant_is_401(merchant: Merchant) -> None:
    await merchant.open_session("pay_1")
    other_path = merchant.headers("GET", "/bank/transactions/pay_2", b"")
    response = await merchant.http.get("/bank/transactions/pay_1", headers=other_path)
    assert response.status_code == 401

    other_merchant = {**merchant.headers("GET", "/bank/transactions/pay_1", b"")}
    other_merchant["X-Merchant-Id"] = "someone-else"
    response = await merchant.http.get("/bank/transactions/pay_1", headers=other_merchant)
    assert response.status_code == 401


async def test_unsigned_requests_are_401(http: httpx.AsyncClient) -> None:
    assert (await http.get("/bank/transactions/pay_1")).status_code == 401
    response = await http.post("/bank/refunds", json={"refund_id": "r", "order_id": "o"})
    assert response.status_code == 401
    assert response.json() == {"error": "bad_signature"}


@pytest.mark.parametrize(("skew", "status"), [(-301, 401), (301, 401), (-300, 404), (300, 404)])
async def test_the_timestamp_must_be_within_300_seconds(
    merchant: Merchant, skew: int, status: int
) -> None:
    path = "/bank/transactions/pay_1"
    response = await merchant.http.get(path, headers=merchant.headers("GET", path, b"", skew=skew))
    assert response.status_code == status

"""The bank's callbacks are trusted only when signed and fresh; repeats change nothing; a repeated
create with the same key is the same payment."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from contracts.ids import new_id
from tests.e2e.portal import FINAL_STATES, Portal, unique_phone

pytestmark = pytest.mark.e2e


def signed(
    portal: Portal, body: dict[str, Any], at: float | None = None
) -> tuple[bytes, dict[str, str]]:
    """Signs like the bank does; only a test that holds the secret can do this."""
    raw = json.dumps(body).encode()
    timestamp = str(int(at if at is not None else time.time()))
    secret = portal.system.secrets["PORTAL_BANK_CALLBACK_SECRET"].encode()
    signature = hmac.new(secret, timestamp.encode() + b"." + raw, hashlib.sha256).hexdigest()
    return raw, {
        "X-Bank-Timestamp": timestamp,
        "X-Bank-Signature": signature,
        "Content-Type": "application/json",
    }


def debit_callback(payment_id: str, amount_qepik: int) -> dict[str, Any]:
    return {
        "event_id": f"bev_{uuid.uuid4().hex}",
        "session_id": "ses_x",
        "order_id": payment_id,
        "status": "debited",
        "amount_qepik": amount_qepik,
        "bank_reference": "RRN-FORGED",
        "decline_reason": None,
        "bank_code": "00",
        "occurred_at": datetime.now(UTC).isoformat(),
    }


async def post_callback(portal: Portal, raw: bytes, headers: dict[str, str]) -> httpx.Response:
    return await portal.http.post(
        f"{portal.system.gateway_url}/api/payments/bank-callbacks", content=raw, headers=headers
    )


async def test_a_forged_or_stale_callback_changes_nothing(portal: Portal) -> None:
    created = await portal.start_payment("azercell", unique_phone("50"), "3.00")
    payment_id = created["payment_id"]
    raw, headers = signed(portal, debit_callback(payment_id, 300))

    forged = await post_callback(portal, raw, {**headers, "X-Bank-Signature": "0" * 64})
    stale_raw, stale_headers = signed(portal, debit_callback(payment_id, 300), at=time.time() - 900)
    stale = await post_callback(portal, stale_raw, stale_headers)
    unsigned = await post_callback(portal, raw, {"Content-Type": "application/json"})

    for refused in (forged, stale, unsigned):
        assert refused.status_code == 401
        assert refused.json()["code"] == "bad_signature"
    assert (await portal.payment(payment_id))["state"] == "initiated"


async def test_a_replayed_callback_changes_nothing_and_pays_the_provider_once(
    portal: Portal,
) -> None:
    created = await portal.start_payment("azercell", unique_phone("50"), "3.00")
    payment_id = created["payment_id"]
    await portal.pay_on_bank_page(created["payment_page_url"])
    before = await portal.wait_for_state(payment_id, FINAL_STATES)
    assert before["state"] == "completed"

    for _ in range(2):
        replay = await portal.http.post(
            f"{portal.system.sandbox_url}/bank/_control/callbacks/{payment_id}/replay"
        )
        assert replay.status_code < 300
    await portal.wait_until(
        lambda: portal.bank_ledger(payment_id), lambda ledger: ledger["callbacks_delivered"] >= 3
    )

    after = await portal.payment(payment_id)
    assert after["history"] == before["history"]
    assert (await portal.provider_ledger("azercell", payment_id))["pay_calls"] == 1


async def test_a_callback_for_an_unknown_payment_is_recorded_and_answered(portal: Portal) -> None:
    raw, headers = signed(portal, debit_callback(new_id("pay"), 100))
    response = await post_callback(portal, raw, headers)
    assert response.status_code == 200
    assert response.json() == {"result": "unknown_payment"}


async def test_the_same_key_and_body_is_the_same_payment(portal: Portal) -> None:
    key = f"key-{uuid.uuid4().hex}"
    phone = unique_phone("50")
    first = await portal.create_payment("azercell", phone, "2.50", key=key)
    again = await portal.create_payment("azercell", phone, "2.50", key=key)
    other = await portal.create_payment("azercell", phone, "9.99", key=key)

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert other.status_code == 422
    assert other.json()["code"] == "idempotency_key_reused"


async def test_a_refusal_is_repeated_for_the_same_key(portal: Portal) -> None:
    key = f"key-{uuid.uuid4().hex}"
    phone = unique_phone("50")
    first = await portal.create_payment("azercell", phone, "500.00", key=key)  # above the maximum
    again = await portal.create_payment("azercell", phone, "500.00", key=key)
    assert first.status_code == again.status_code == 422
    assert first.json()["code"] == again.json()["code"] == "amount_above_maximum"

"""Bad input to the payment API gets a clear 4xx problem in Azerbaijani and English, never a 5xx."""

from __future__ import annotations

import uuid

import httpx
import pytest

from tests.e2e.portal import Portal, unique_phone

pytestmark = pytest.mark.e2e


def body(**overrides: object) -> dict[str, object]:
    return {"service_id": "azercell", "account": unique_phone("50"), "amount": "5.00", **overrides}


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        (body(amount="0"), 422, "amount_below_minimum"),
        (body(amount="-5"), 422, None),
        (body(amount="100000"), 422, "amount_above_maximum"),
        (body(amount="5.555"), 422, None),
        (body(amount="five"), 422, None),
        (body(amount=5.5), 422, "validation_failed"),  # a float is never money
        (body(account="12345"), 422, "invalid_account"),
        (body(account="0551234567"), 422, "invalid_account"),  # a Bakcell number for Azercell
        (body(service_id="no-such-service"), 404, None),
        (body(email="not-an-email"), 422, "validation_failed"),
        ({"service_id": "azercell"}, 422, "validation_failed"),
    ],
)
async def test_bad_payment_input_is_a_clear_problem(
    portal: Portal, payload: dict[str, object], status: int, code: str | None
) -> None:
    response = await portal.http.post(
        f"{portal.system.gateway_url}/api/payments",
        json=payload,
        headers={"Idempotency-Key": f"bad-{uuid.uuid4().hex}"},
    )
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["message"]["az"] and problem["message"]["en"]
    if code is not None:
        assert problem["code"] == code


@pytest.mark.parametrize(
    ("content", "headers", "status", "code"),
    [
        (b"{not json", {"Idempotency-Key": "key-nonjson-1"}, 422, "validation_failed"),
        (
            b'{"a":"' + b"x" * 40_000 + b'"}',
            {"Idempotency-Key": "key-huge-body"},
            413,
            "payload_too_large",
        ),
        (b"{}", {}, 400, "idempotency_key_missing"),
        (b"{}", {"Idempotency-Key": "k" * 200}, 400, "idempotency_key_invalid"),
    ],
)
async def test_malformed_requests_are_refused_before_anything_happens(
    portal: Portal, content: bytes, headers: dict[str, str], status: int, code: str
) -> None:
    response = await portal.http.post(
        f"{portal.system.gateway_url}/api/payments",
        content=content,
        headers={"Content-Type": "application/json", **headers},
    )
    assert response.status_code == status, response.text
    assert response.json()["code"] == code


async def test_an_unknown_payment_is_a_404_problem(portal: Portal) -> None:
    for payment_id in ("pay_01m8b173qd36yp5hs9z7zzst6c", "not-an-id", "x" * 300):
        response = await portal.http.get(f"{portal.system.gateway_url}/api/payments/{payment_id}")
        assert response.status_code == 404
        assert response.json()["code"] == "payment_not_found"


async def test_a_receipt_is_refused_until_the_payment_completes(portal: Portal) -> None:
    created = await portal.start_payment("azercell", unique_phone("50"), "1.00")
    response = await portal.http.get(
        f"{portal.system.gateway_url}/api/payments/{created['payment_id']}/receipt"
    )
    assert response.status_code == 409
    assert response.json()["code"] == "receipt_not_ready"


async def test_the_gateway_refuses_a_body_over_its_limit(portal: Portal) -> None:
    try:
        response = await portal.http.post(
            f"{portal.system.gateway_url}/api/payments",
            content=b"x" * 2_000_000,
            headers={"Content-Type": "application/json", "Idempotency-Key": "key-gateway-limit"},
        )
    except httpx.RemoteProtocolError:
        pytest.fail("the gateway closed the connection instead of answering")
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"

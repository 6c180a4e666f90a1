"""The REST family: only correctly signed, fresh requests get in; payments are idempotent."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

import httpx
import pytest

from sandboxes.providers.store import ProviderStore

RestCall = Callable[..., Awaitable[httpx.Response]]

LOOKUP = "/providers/rest/azersu/accounts/lookup"
PAYMENTS = "/providers/rest/azersu/payments"
PAYMENT = {"transaction_id": "pay_7", "account": "AB-12/3", "amount_qepik": 2550}


async def test_a_lookup_answers_the_holder_and_the_limits(rest: RestCall) -> None:
    response = await rest("POST", LOOKUP, {"account": "AB-12/3"})
    found = response.json()
    assert response.status_code == 200
    assert found["account"] == "AB-12/3"
    assert found["holder"][1:4] == "***"
    assert ("balance_qepik" in found) != ("debt_qepik" in found)
    assert (found["min_qepik"], found["max_qepik"]) == (1, 1_000_000)


async def test_a_lookup_tells_a_missing_account_from_a_malformed_one(rest: RestCall) -> None:
    missing = await rest("POST", LOOKUP, {"account": "1234404"})
    malformed = await rest("POST", LOOKUP, {"account": "12#34"})
    assert (missing.status_code, missing.json()) == (404, {"error": "account_not_found"})
    assert (malformed.status_code, malformed.json()) == (422, {"error": "invalid_account"})


@pytest.mark.parametrize(
    ("secret", "age_seconds"),
    [("wrong-secret", 0), ("test-provider-secret", 301), ("test-provider-secret", -301)],
    ids=["wrong secret", "stale timestamp", "future timestamp"],
)
async def test_a_badly_signed_or_stale_request_is_refused_unpaid(
    rest: RestCall, secret: str, age_seconds: int
) -> None:
    refused = await rest("POST", PAYMENTS, PAYMENT, secret=secret, age_seconds=age_seconds)
    later = await rest("GET", f"{PAYMENTS}/pay_7")
    assert (refused.status_code, refused.json()) == (401, {"error": "bad_signature"})
    assert later.status_code == 404


async def test_a_body_changed_after_signing_is_refused(rest: RestCall) -> None:
    tampered = json.dumps({**PAYMENT, "amount_qepik": 999_999}).encode()
    response = await rest("POST", PAYMENTS, PAYMENT, sent_body=tampered)
    assert response.status_code == 401


async def test_a_request_signed_within_the_window_is_accepted(rest: RestCall) -> None:
    response = await rest("POST", LOOKUP, {"account": "5"}, age_seconds=299)
    assert response.status_code == 200


async def test_a_repeated_payment_pays_once_and_answers_the_same(
    rest: RestCall, client: httpx.AsyncClient
) -> None:
    first = await rest("POST", PAYMENTS, PAYMENT)
    repeat = await rest("POST", PAYMENTS, PAYMENT)
    read = await rest("GET", f"{PAYMENTS}/pay_7")
    ledger = (await client.get("/providers/_control/ledger/azersu/pay_7")).json()
    assert (first.status_code, repeat.status_code, read.status_code) == (201, 200, 200)
    assert first.json()["status"] == "completed" and first.json()["code"] == "0"
    assert first.json()["provider_reference"].startswith("PRV")
    assert repeat.json() == read.json() == first.json()
    assert ledger == {
        "pay_calls": 2,
        "payments_recorded": 1,
        "status_queries": 1,  # the GET above
        "status": "completed",
    }


async def test_an_unknown_transaction_is_a_404_so_paying_it_is_safe(rest: RestCall) -> None:
    response = await rest("GET", f"{PAYMENTS}/pay_unknown")
    assert (response.status_code, response.json()) == (404, {"error": "transaction_not_found"})


async def test_a_payment_to_a_missing_account_is_rejected_with_its_code(rest: RestCall) -> None:
    response = await rest("POST", PAYMENTS, {**PAYMENT, "account": "77404"})
    assert response.json()["status"] == "rejected"
    assert response.json()["code"] == "5"
    assert response.json()["provider_reference"] is None


@pytest.mark.parametrize(
    "payload",
    [{"transaction_id": "pay_8", "account": "1"}, {**PAYMENT, "amount_qepik": "25.50"}],
    ids=["no amount", "amount as text"],
)
async def test_a_malformed_payment_is_a_400_and_records_nothing(
    rest: RestCall, client: httpx.AsyncClient, payload: dict[str, object]
) -> None:
    response = await rest("POST", PAYMENTS, payload)
    ledger = await client.get(f"/providers/_control/ledger/azersu/{payload['transaction_id']}")
    assert response.status_code == 400
    assert ledger.json()["payments_recorded"] == 0


def test_the_store_keeps_payments_per_service() -> None:
    store = ProviderStore(clock=lambda: 0.0)
    store.pay("azersu", "pay_1", "12", 100)
    assert store.find("azersu", "pay_1") is not None
    assert store.find("azerishiq", "pay_1") is None

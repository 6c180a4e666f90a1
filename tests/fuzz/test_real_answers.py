"""The typed answers the OpenAPI documents are the ones real customers and staff get: a payment
created, followed to its end, an IMEI's status and a sign-in, each held to its served schema
(random requests rarely reach these 200s)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
import schemathesis

from devstack.stack import Stack
from tests.e2e.portal import FINAL_STATES, Portal, unique_phone
from tests.e2e.test_imei import IPHONE_3G, PRE_REGISTERED, fresh_imei
from tests.e2e.test_support import PASSWORDS, letter, write_letter

pytestmark = [pytest.mark.e2e, pytest.mark.fuzz]


@pytest.fixture
async def portal(system: Stack) -> AsyncIterator[Portal]:
    async with httpx.AsyncClient(timeout=30) as client:
        yield Portal(system, client)


def operation(system: Stack, prefix: str, method: str, path: str) -> schemathesis.APIOperation:
    schema = schemathesis.openapi.from_url(f"{system.gateway_url}{prefix}/openapi.json")
    return schema[path][method]


async def test_a_payment_reads_as_documented_from_start_to_end(portal: Portal) -> None:
    create = operation(portal.system, "/api/payments", "POST", "/api/payments")
    read = operation(portal.system, "/api/payments", "GET", "/api/payments/{payment_id}")
    created = await portal.create_payment("azercell", unique_phone("50"), "2.00")
    assert created.status_code == 201, created.text
    create.validate_response(created)
    payment_id = created.json()["payment_id"]
    started = await portal.http.get(f"{portal.system.gateway_url}/api/payments/{payment_id}")
    read.validate_response(started)
    assert started.json()["state"] == "initiated"

    await portal.pay_on_bank_page(created.json()["payment_page_url"])
    await portal.wait_for_state(payment_id, FINAL_STATES)
    ended = await portal.http.get(f"{portal.system.gateway_url}/api/payments/{payment_id}")
    read.validate_response(ended)
    assert ended.json()["state"] == "completed" and ended.json()["receipt_url"]


async def test_an_imei_status_reads_as_documented(portal: Portal) -> None:
    status = operation(portal.system, "/api/imei", "GET", "/api/imei/registrations/{typed_imei}")
    for imei in (fresh_imei(IPHONE_3G), PRE_REGISTERED):  # not registered; registered (when)
        url = f"{portal.system.gateway_url}/api/imei/registrations/{imei}"
        answer = await portal.http.get(url)
        assert answer.status_code == 200, answer.text
        status.validate_response(answer)


async def test_a_letter_received_reads_as_documented(portal: Portal) -> None:
    received = operation(portal.system, "/api/support", "POST", "/api/support/tickets")
    answer = await write_letter(portal, json=letter(f"doc-{uuid.uuid4().hex[:8]}@example.az"))
    assert answer.status_code == 201, answer.text
    received.validate_response(answer)


async def test_a_sign_in_reads_as_documented(portal: Portal) -> None:
    token = operation(portal.system, "/api/support", "POST", "/api/support/auth/token")
    password = portal.system.secrets[PASSWORDS["supervisor"]]
    answer = await portal.http.post(
        f"{portal.system.gateway_url}/api/support/auth/token",
        data={"username": "leyla", "password": password},
    )
    assert answer.status_code == 200, answer.text
    token.validate_response(answer)

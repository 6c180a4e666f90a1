"""Specialists act on a payment's case, end to end with short clocks: ask the provider now, retry
the activation, refund, confirm by hand. Each action goes out as an event, the service owning the
fact carries it out, and the case then clears through the payment's usual events."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from pymongo import AsyncMongoClient

from devstack.testing import TEST_TIMINGS
from tests.e2e.portal import FINAL_STATES, Portal, unique_phone
from tests.e2e.test_support import api, cases_of, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.money]

SERVICE = "azercell-postpaid"
DEADLINE = float(TEST_TIMINGS["PORTAL_ACTIVATION_DEADLINE_SECONDS"])
CHECKS = DEADLINE + 6 * 3 + 30  # the deadline, six checks 3 s apart, room for a busy machine
# Slower than our 2 s timeout, and a failure behind it: nothing answers and nothing is paid.
UNREACHABLE: dict[str, Any] = {"latency_ms": 2500, "errors_5xx": 10_000}


def actions_url(portal: Portal, ticket_id: str, tail: str = "") -> str:
    return f"{portal.system.gateway_url}/api/support/cases/{ticket_id}/actions{tail}"


async def act(
    portal: Portal, headers: dict[str, str], ticket_id: str, key: str | None = None, **body: Any
) -> Any:
    """POSTs an action with its Idempotency-Key; returns the response."""
    key_header = {"Idempotency-Key": key or f"act-{uuid.uuid4().hex}"}
    return await portal.http.post(
        actions_url(portal, ticket_id), json=body, headers=headers | key_header
    )


async def activation(portal: Portal, payment_id: str) -> dict[str, Any]:
    """Provider-gateway's activation document (state, next check), read from its database."""
    client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(portal.system.mongo_url)
    try:
        found = await client["provider_gateway"]["activations"].find_one(
            {"_id": payment_id}, {"state": 1, "next_check_at": 1, "checks": 1}
        )
    finally:
        await client.close()
    return found or {}


def waits_for_a_person(document: dict[str, Any]) -> bool:
    return document.get("state") == "unknown" and document.get("next_check_at") is None


async def debited_with_a_case(
    portal: Portal, amount: str = "6.00", **faults: Any
) -> tuple[str, str, dict[str, str]]:
    """A debited payment whose provider has `faults`, and its case; returns the payment id, the
    case's id and a supervisor's headers."""
    created = await portal.start_payment(SERVICE, unique_phone("50"), amount)
    payment_id: str = created["payment_id"]
    await portal.provider_fault(SERVICE, **faults)
    await portal.pay_on_bank_page(created["payment_page_url"])
    assert (await portal.wait_for_state(payment_id, {"debited", *FINAL_STATES}))[
        "state"
    ] == "debited"
    leyla = await sign_in(portal, "leyla", "supervisor")
    cases = await portal.wait_until(lambda: cases_of(portal, leyla, payment_id), bool, 30)
    assert len(cases) == 1, cases
    return payment_id, cases[0]["ticket_id"], leyla


async def until_unknown(portal: Portal, payment_id: str, *, person: bool = False) -> None:
    """Until the activation's outcome is unknown (and, with `person`, its checks ran out)."""
    done = waits_for_a_person if person else (lambda d: d.get("state") == "unknown")
    found = await portal.wait_until(lambda: activation(portal, payment_id), done, CHECKS)
    assert done(found), found


async def case_view(portal: Portal, headers: dict[str, str], ticket_id: str) -> dict[str, Any]:
    view: dict[str, Any] = (
        await portal.http.get(api(portal, f"/{ticket_id}"), headers=headers)
    ).json()
    return view


async def until_case_resolved(
    portal: Portal, headers: dict[str, str], ticket_id: str
) -> dict[str, Any]:
    closed = await portal.wait_until(
        lambda: case_view(portal, headers, ticket_id), lambda c: c["state"] == "resolved", 40
    )
    assert closed["state"] == "resolved", closed["trail"]
    assert closed["trail"][-1]["by"] == "system" or any(
        e["action"] == "resolved" and e["by"] == "system" for e in closed["trail"]
    )
    return closed


async def test_asking_the_provider_now_completes_a_payment_the_provider_had_done(
    portal: Portal,
) -> None:
    # The provider completes it 50 s after the pay: after every scheduled check has given up.
    try:
        payment_id, ticket_id, leyla = await debited_with_a_case(portal, complete_after_seconds=50)
        await until_unknown(portal, payment_id, person=True)
        done = await portal.wait_until(
            lambda: portal.provider_ledger(SERVICE, payment_id),
            lambda ledger: ledger["status"] == "completed",
            60,
        )
        assert done["status"] == "completed"
        assert (await portal.payment(payment_id))["state"] == "debited"  # nobody asked yet

        asked = await act(
            portal, leyla, ticket_id, kind="ask_provider", note="Provayderə soruşuruq"
        )
        assert asked.status_code == 202, asked.text
        assert asked.json()["state"] == "ordered"

        view = await portal.wait_for_state(payment_id, FINAL_STATES, seconds=30)
        assert view["state"] == "completed", view["history"]
        closed = await until_case_resolved(portal, leyla, ticket_id)
        assert "provider-activated" in closed["resolution"]
        assert [a["kind"] for a in closed["actions"]] == ["ask_provider"]
        assert any(e["action"] == "action_requested" for e in closed["trail"])
    finally:
        await portal.clear_provider_faults(SERVICE)


async def test_a_retry_activates_once_under_the_same_transaction_id(portal: Portal) -> None:
    try:
        payment_id, ticket_id, leyla = await debited_with_a_case(portal, **UNREACHABLE)
        await until_unknown(portal, payment_id, person=True)
        await portal.clear_provider_faults(SERVICE)  # the provider is back, and never got it

        retried = await act(
            portal, leyla, ticket_id, kind="retry_activation", note="Provayder yenidən işləyir"
        )
        assert retried.status_code == 202, retried.text

        view = await portal.wait_for_state(payment_id, FINAL_STATES, seconds=40)
        assert view["state"] == "completed", view["history"]
        ledger = await portal.provider_ledger(SERVICE, payment_id)
        assert ledger["payments_recorded"] == 1, ledger
        await until_case_resolved(portal, leyla, ticket_id)
        again = await act(portal, leyla, ticket_id, kind="retry_activation", note="bir də")
        assert again.status_code == 409 and again.json()["code"] in {
            "action_pending",
            "case_closed",
        }
        assert (await portal.provider_ledger(SERVICE, payment_id))["payments_recorded"] == 1
    finally:
        await portal.clear_provider_faults(SERVICE)


async def test_a_refund_ordered_on_a_case_reaches_the_bank_and_the_customer(
    portal: Portal,
) -> None:
    try:
        payment_id, ticket_id, leyla = await debited_with_a_case(portal, **UNREACHABLE)
        await until_unknown(portal, payment_id)
        aysel = await sign_in(portal, "aysel", "specialist")
        taken = await portal.http.post(api(portal, f"/{ticket_id}/assign"), json={}, headers=aysel)
        assert taken.status_code == 200, taken.text

        refund = await act(portal, aysel, ticket_id, kind="refund", note="Provayder almayıb")
        assert refund.status_code == 202, refund.text
        assert refund.json()["state"] == "ordered"  # 6 AZN: no approval needed

        view = await portal.wait_for_state(payment_id, FINAL_STATES, seconds=30)
        assert view["state"] == "refunded", view["history"]
        assert (await portal.bank_ledger(payment_id))["refunds"] == 1
        ordered = [step for step in view["history"] if step["reason"] == "refund_ordered"]
        assert len(ordered) == 1 and "aysel" in (ordered[0].get("detail") or ""), view["history"]
        mail = await portal.mail_to("aysel@example.az", f"geri qaytarıldı: {payment_id}", 30)
        assert mail is not None, "no refund e-mail"
        closed = await until_case_resolved(portal, leyla, ticket_id)
        assert "payment-refunded" in closed["resolution"]
    finally:
        await portal.clear_provider_faults(SERVICE)


async def test_a_supervisor_confirms_an_activation_by_hand_and_the_case_clears(
    portal: Portal,
) -> None:
    try:
        payment_id, ticket_id, leyla = await debited_with_a_case(portal, **UNREACHABLE)
        await until_unknown(portal, payment_id)
        aysel = await sign_in(portal, "aysel", "specialist")
        body = {"kind": "confirm_activated", "note": "Provayder telefonla təsdiqlədi"}
        refused = await act(portal, aysel, ticket_id, provider_reference="AZC-778812", **body)
        assert refused.status_code == 403 and refused.json()["code"] == "supervisor_only"

        confirmed = await act(portal, leyla, ticket_id, provider_reference="AZC-778812", **body)
        assert confirmed.status_code == 202, confirmed.text

        view = await portal.wait_for_state(payment_id, FINAL_STATES, seconds=30)
        assert view["state"] == "completed", view["history"]
        last = view["history"][-1]
        assert last["reason"] == "confirmed_by_hand" and "leyla" in last["detail"], last
        closed = await until_case_resolved(portal, leyla, ticket_id)
        assert closed["facts"].get("provider_reference") == "AZC-778812"
        assert (await portal.bank_ledger(payment_id))["refunds"] == 0
    finally:
        await portal.clear_provider_faults(SERVICE)

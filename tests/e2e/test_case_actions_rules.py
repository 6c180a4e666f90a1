"""The rules of acting on a case, end to end: who may (401, 403), four eyes on a large refund,
one action of a kind at a time (409), and a repeated request that changes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from contracts.ids import new_id
from tests.e2e.portal import FINAL_STATES, Portal
from tests.e2e.test_case_actions import (
    SERVICE,
    UNREACHABLE,
    act,
    actions_url,
    case_view,
    debited_with_a_case,
    until_case_resolved,
    until_unknown,
)
from tests.e2e.test_support import api, cases_of, debited_not_activated, publish, sign_in, wrap

pytestmark = [pytest.mark.e2e, pytest.mark.money]

ASK = {"kind": "ask_provider", "note": "Provayderə soruşuruq"}


def speaks_three_languages(problem: dict[str, Any]) -> bool:
    return all(problem["message"].get(language) for language in ("az", "en", "ru"))


async def a_case(portal: Portal) -> tuple[str, dict[str, str]]:
    """A case the reconciler opened for a payment checkout does not have: orders on it find
    nothing to do, which is all these rules need."""
    payment_id = new_id("pay")
    await publish(portal.system, [wrap(debited_not_activated(payment_id))])
    leyla = await sign_in(portal, "leyla", "supervisor")
    cases = await portal.wait_until(lambda: cases_of(portal, leyla, payment_id), bool, 20)
    assert len(cases) == 1
    return cases[0]["ticket_id"], leyla


async def test_acting_needs_a_sign_in_and_the_role(portal: Portal) -> None:
    ticket_id, leyla = await a_case(portal)
    anonymous = await act(portal, {}, ticket_id, **ASK)
    assert anonymous.status_code == 401 and anonymous.json()["code"] == "unauthenticated"
    forged = await act(portal, {"Authorization": "Bearer not.a.token"}, ticket_id, **ASK)
    assert forged.status_code == 401 and forged.json()["code"] == "invalid_token"

    aysel = await sign_in(portal, "aysel", "specialist")
    not_hers = await act(portal, aysel, ticket_id, **ASK)
    assert not_hers.status_code == 403 and not_hers.json()["code"] == "not_your_ticket"
    assert speaks_three_languages(not_hers.json())
    await portal.http.post(api(portal, f"/{ticket_id}/assign"), json={}, headers=aysel)
    confirm = {"kind": "confirm_activated", "note": "telefonla", "provider_reference": "R-1"}
    by_hand = await act(portal, aysel, ticket_id, **confirm)
    assert by_hand.status_code == 403 and by_hand.json()["code"] == "supervisor_only"
    assert (await case_view(portal, leyla, ticket_id))["actions"] == []


async def test_bad_input_is_a_problem_in_three_languages(portal: Portal) -> None:
    ticket_id, leyla = await a_case(portal)
    no_key = await portal.http.post(actions_url(portal, ticket_id), json=ASK, headers=leyla)
    assert no_key.status_code == 400 and no_key.json()["code"] == "idempotency_key_missing"
    assert speaks_three_languages(no_key.json())
    unknown_kind = await act(portal, leyla, ticket_id, kind="pay_twice", note="nə olar")
    assert unknown_kind.status_code == 422 and speaks_three_languages(unknown_kind.json())
    no_reference = await act(portal, leyla, ticket_id, kind="confirm_activated", note="təsdiq")
    assert no_reference.status_code == 422, no_reference.text
    nowhere = await act(portal, leyla, "tkt_nothing", **ASK)
    assert nowhere.status_code == 404 and speaks_three_languages(nowhere.json())
    assert (await case_view(portal, leyla, ticket_id))["actions"] == []


async def test_a_repeat_changes_nothing_and_a_second_ask_while_one_stands_is_refused(
    portal: Portal,
) -> None:
    ticket_id, leyla = await a_case(portal)
    first = await act(portal, leyla, ticket_id, key="desk-key-0001", **ASK)
    assert first.status_code == 202, first.text
    repeat = await act(portal, leyla, ticket_id, key="desk-key-0001", **ASK)
    assert repeat.status_code == 202 and repeat.json() == first.json()
    view = await case_view(portal, leyla, ticket_id)
    assert len(view["actions"]) == 1
    assert [e["action"] for e in view["trail"]].count("action_requested") == 1

    second = await act(portal, leyla, ticket_id, key="desk-key-0002", **ASK)
    assert second.status_code == 409 and second.json()["code"] == "action_pending"
    assert speaks_three_languages(second.json())
    reused = await act(portal, leyla, ticket_id, key="desk-key-0001", kind="refund", note="geri")
    assert reused.status_code == 422 and reused.json()["code"] == "idempotency_key_reused"
    after = await case_view(portal, leyla, ticket_id)
    assert (after["actions"], after["trail"]) == (view["actions"], view["trail"])


async def test_a_large_refund_waits_for_a_second_supervisor(portal: Portal) -> None:
    try:
        payment_id, ticket_id, leyla = await debited_with_a_case(
            portal, amount="80.00", **UNREACHABLE
        )
        await until_unknown(portal, payment_id)
        asked = await act(portal, leyla, ticket_id, kind="refund", note="Provayder almayıb")
        assert asked.status_code == 202 and asked.json()["state"] == "awaiting_approval"
        action_id = asked.json()["action_id"]
        approve_url = actions_url(portal, ticket_id, f"/{action_id}/approve")

        own = await portal.http.post(approve_url, headers=leyla)
        assert own.status_code == 403 and own.json()["code"] == "four_eyes"
        aysel = await sign_in(portal, "aysel", "specialist")
        specialist = await portal.http.post(approve_url, headers=aysel)
        assert specialist.status_code == 403 and specialist.json()["code"] == "supervisor_only"
        assert (await portal.payment(payment_id))["state"] == "debited"
        assert (await portal.bank_ledger(payment_id))["refunds"] == 0

        murad = await sign_in(portal, "murad", "supervisor")
        approved = await portal.http.post(approve_url, headers=murad)
        assert approved.status_code == 202 and approved.json()["state"] == "ordered"
        again = await portal.http.post(approve_url, headers=murad)
        assert again.status_code == 202 and again.json() == approved.json()

        view = await portal.wait_for_state(payment_id, FINAL_STATES, seconds=30)
        assert view["state"] == "refunded", view["history"]
        assert (await portal.bank_ledger(payment_id))["refunds"] == 1
        await until_case_resolved(portal, leyla, ticket_id)
    finally:
        await portal.clear_provider_faults(SERVICE)

"""IMEI registration end to end: quote → card page → MCQS registers it → e-mail; a type mismatch
becomes a 48-hour ticket at support-desk; a registry rejection is refunded; a registered IMEI is
refused before anyone pays; bad input gets problems, never a 5xx."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from imei_registry.domain.imei import with_check_digit
from tests.e2e.portal import FINAL_STATES, Portal

pytestmark = pytest.mark.e2e

REDMI_NOTE_13 = "00100400"  # synthetic duos, $201–400: 40 AZN
GALAXY_A15 = "00100300"  # synthetic duos, $101–200: 30 AZN
IPHONE_3G = "01161200"  # one SIM slot
PRE_REGISTERED = "490154203237518"  # the MCQS sandbox holds it from the start


def fresh_imei(tac: str) -> str:
    return with_check_digit(f"{tac}{uuid.uuid4().int % 1_000_000:06d}")


def as_on_screen(imei: str) -> str:
    """How *#06# shows it on many phones: dashes and a software version."""
    return f"{imei[:2]}-{imei[2:8]}-{imei[8:14]}-{imei[14]}/01"


def fresh_email() -> str:
    return f"imei-{uuid.uuid4().hex[:8]}@example.az"


async def pay_quote(portal: Portal, quote: dict[str, Any], email: str) -> dict[str, Any]:
    payment = quote["payment"]
    created = await portal.start_payment(
        payment["service_id"], payment["account"], payment["amount"], email=email
    )
    assert created["total"]["qepik"] == quote["fee"]["qepik"]  # the state fee, no commission
    await portal.pay_on_bank_page(created["payment_page_url"])
    return await portal.wait_for_state(created["payment_id"], FINAL_STATES)


async def test_a_duos_is_quoted_paid_registered_and_the_customer_is_told_to_restart(
    portal: Portal,
) -> None:
    imeis, email = [fresh_imei(REDMI_NOTE_13), fresh_imei(REDMI_NOTE_13)], fresh_email()
    answer = await portal.imei_quote("duos", [as_on_screen(imei) for imei in imeis], email)
    assert answer.status_code == 201, answer.text
    quote = answer.json()
    assert quote["imeis"] == imeis
    assert quote["model"]["name"] == "Xiaomi Redmi Note 13" and quote["type_check"] == "matches"
    assert quote["fee"]["qepik"] == 4000 and quote["fee"]["amount"] == "40.00"
    assert "On State Duty" in quote["fee"]["legal_basis"]["en"]
    assert (await portal.imei_status(imeis[0]))["status"] == "not_registered"

    view = await pay_quote(portal, quote, email)
    assert view["state"] == "completed", view  # the registry accepted: the payment is done

    status = await portal.wait_until(
        lambda: portal.imei_status(imeis[1]), lambda s: s["status"] == "registered", 30
    )
    assert status["status"] == "registered" and status["registered_at"]
    assert (
        status["registry"]["website"] == "https://imei.az" and status["registry"]["phone"] == "157"
    )
    mail = await portal.mail_to(email, "IMEI registered", seconds=15)
    assert mail is not None, "no registration e-mail arrived"
    assert imeis[0] in mail["text"] and "off and on" in mail["text"]
    assert (await portal.mcqs_ledger(view["payment_id"]))["registrations_recorded"] == 1

    again = await portal.imei_quote("duos", imeis)
    assert again.status_code == 409 and again.json()["code"] == "imei_already_registered"


async def test_a_device_quoted_on_the_russian_page_is_confirmed_in_russian(
    portal: Portal,
) -> None:
    imeis, email = [fresh_imei(REDMI_NOTE_13), fresh_imei(REDMI_NOTE_13)], fresh_email()
    answer = await portal.imei_quote("duos", imeis, email, language="ru")
    assert answer.status_code == 201, answer.text

    view = await pay_quote(portal, answer.json(), email)
    assert view["state"] == "completed", view

    mail = await portal.mail_to(email, "IMEI зарегистрирован", seconds=30)
    assert mail is not None, "no registration e-mail in Russian arrived"
    assert "Выключите и снова включите телефон" in mail["text"] and imeis[1] in mail["text"]
    assert "söndürüb" not in mail["text"] and "off and on" not in mail["text"]


async def test_duos_chosen_for_a_single_sim_model_opens_a_48_hour_ticket_at_support(
    portal: Portal,
) -> None:
    imeis = [fresh_imei(IPHONE_3G), fresh_imei(IPHONE_3G)]
    answer = await portal.imei_quote("duos", imeis)
    assert answer.status_code == 422
    problem = answer.json()
    assert problem["code"] == "device_type_mismatch"
    assert "one SIM slot" in problem["message"]["en"] and problem["message"]["az"]
    ticket = problem["ticket"]
    assert ticket["subject"] == "IMEI" and ticket["model"] == "Apple iPhone 3G"
    assert ticket["imeis"] == imeis and ticket["sla_hours"] == 48

    filled = {**ticket["payload"], "first_name": "Aysel", "last_name": "Məmmədova"}
    filled.setdefault("email", fresh_email())
    sent_at = datetime.now(UTC)
    opened = await portal.http.post(
        f"{portal.system.gateway_url}{ticket['submit_to']}", json=filled
    )
    assert opened.status_code == 201, opened.text
    created = opened.json()
    assert created["sla_hours"] == 48
    due = datetime.fromisoformat(created["due_at"])
    assert abs(due - (sent_at + timedelta(hours=48))) < timedelta(minutes=2)


async def test_a_registration_the_registry_rejects_is_refunded(portal: Portal) -> None:
    imeis, email = [fresh_imei(GALAXY_A15), fresh_imei(GALAXY_A15)], fresh_email()
    await portal.mcqs_fault(imeis[1], reject_code="blacklisted", reject_reason="Reported stolen.")
    answer = await portal.imei_quote("duos", imeis, email)
    assert answer.status_code == 201, answer.text
    assert answer.json()["fee"]["qepik"] == 3000

    view = await pay_quote(portal, answer.json(), email)
    assert view["state"] == "refunded", view
    assert (await portal.bank_ledger(view["payment_id"]))["refunds"] == 1
    assert (await portal.mcqs_ledger(view["payment_id"]))["registrations_recorded"] == 0
    status = await portal.imei_status(imeis[0])
    assert status["status"] == "rejected" and "Reported stolen." in status["reason"]


@pytest.mark.parametrize(
    ("account", "amount", "why"),
    [
        ("qte_01jd8x0s7m3q9v2c4n6p8r0t2w", "40.00", "no such quote"),
        (None, "15.00", "not the quoted fee"),
    ],
)
async def test_a_payment_that_does_not_fit_a_quote_is_refunded(
    portal: Portal, account: str | None, amount: str, why: str
) -> None:
    quote = await portal.imei_quote("duos", [fresh_imei(REDMI_NOTE_13), fresh_imei(REDMI_NOTE_13)])
    created = await portal.start_payment(
        "imei-registration", account or quote.json()["quote_id"], amount
    )
    await portal.pay_on_bank_page(created["payment_page_url"])
    view = await portal.wait_for_state(created["payment_id"], FINAL_STATES)
    assert view["state"] == "refunded", why
    assert (await portal.bank_ledger(created["payment_id"]))["refunds"] == 1


@pytest.mark.parametrize("shown", [PRE_REGISTERED, "49-015420-323751-8 / 01"])
async def test_an_imei_registered_already_is_refused_before_any_payment(
    portal: Portal, shown: str
) -> None:
    answer = await portal.imei_quote("single", [shown])
    assert answer.status_code == 409
    problem = answer.json()
    assert problem["code"] == "imei_already_registered" and "quote_id" not in problem
    assert problem["registry"]["phone"] == "157"
    status = await portal.imei_status(PRE_REGISTERED)
    assert status["status"] == "registered" and status["known_by"] == "registry"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"device_type": "single", "imeis": ["3520990017614823"]}, "invalid_imei"),
        ({"device_type": "single", "imeis": ["35209900176148"]}, "invalid_imei"),
        ({"device_type": "single", "imeis": ["352099001761482"]}, "invalid_imei"),
        ({"device_type": "single", "imeis": ["111111111111111"]}, "invalid_imei"),
        ({"device_type": "single", "imeis": ["35209900176148I"]}, "invalid_imei"),
        ({"device_type": "duos", "imeis": [PRE_REGISTERED]}, "imei_count_mismatch"),
        ({"device_type": "duos", "imeis": [PRE_REGISTERED, PRE_REGISTERED]}, "same_imei_twice"),
        ({"device_type": "triple", "imeis": [PRE_REGISTERED]}, "validation_failed"),
        ({"device_type": "single", "imeis": ["1"] * 3}, "validation_failed"),
        ({"device_type": "single", "imeis": [PRE_REGISTERED], "x": 1}, "validation_failed"),
        ({"device_type": "single", "imeis": "352099001761481"}, "validation_failed"),
        ({"device_type": "single", "imeis": [PRE_REGISTERED], "email": "no"}, "validation_failed"),
        ({"device_type": "single", "imeis": ["9" * 5000]}, "validation_failed"),
    ],
)
async def test_bad_input_gets_a_clear_problem_never_a_5xx(
    portal: Portal, body: dict[str, Any], code: str
) -> None:
    # Straight to imei-registry: the gateway's rate limit on quotes is not what is tested here.
    service = f"http://127.0.0.1:{portal.system.ports.imei_registry}"
    answer = await portal.http.post(f"{service}/api/imei/quotes", json=body)
    assert 400 <= answer.status_code < 500, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    problem = answer.json()
    assert problem["code"] == code
    assert problem["message"]["az"] and problem["message"]["en"]


async def test_unreadable_requests_and_unknown_things_are_4xx(portal: Portal) -> None:
    base = f"{portal.system.gateway_url}/api/imei"
    not_json = await portal.http.post(
        f"{base}/quotes", content=b"{nope", headers={"content-type": "application/json"}
    )
    wrong_imei = await portal.http.get(f"{base}/registrations/12345")
    unknown_quote = await portal.http.get(f"{base}/quotes/qte_01jd8x0s7m3q9v2c4n6p8r0t2w")
    garbage_quote = await portal.http.get(f"{base}/quotes/%3Cscript%3E")
    for answer in (not_json, wrong_imei, unknown_quote, garbage_quote):
        assert 400 <= answer.status_code < 500, answer.text
        assert answer.json()["message"]["en"]
    assert wrong_imei.json()["code"] == "invalid_imei"
    assert unknown_quote.json()["code"] == "quote_not_found"

"""support-desk over HTTP on the real database and SMTP: letters, the desk, roles, SLA clocks."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from sandboxes.mail.mailbox import Mailbox

pytestmark = pytest.mark.integration

SignIn = Callable[[str], Awaitable[dict[str, str]]]
NewLetter = Callable[..., dict[str, Any]]
MoveClock = Callable[[timedelta], datetime]
TICKETS = "/api/support/tickets"


async def write(api: httpx.AsyncClient, body: dict[str, Any]) -> dict[str, Any]:
    answer = await api.post(TICKETS, json=body)
    assert answer.status_code == 201, answer.text
    created: dict[str, Any] = answer.json()
    return created


async def ids(
    api: httpx.AsyncClient, path: str, headers: dict[str, str], **params: Any
) -> set[str]:
    answer = await api.get(path, headers=headers, params=params)
    assert answer.status_code == 200, answer.text
    return {ticket["ticket_id"] for ticket in answer.json()["tickets"]}


async def test_a_letter_becomes_a_ticket_confirmed_by_email_with_its_number(
    api: httpx.AsyncClient, new_letter: NewLetter, mailbox: Mailbox
) -> None:
    body = new_letter(message="<script>alert('x')</script> pul çıxıb")
    answer = await api.post(TICKETS, json=body)
    assert answer.status_code == 201, answer.text
    created = answer.json()
    assert created["ticket_id"].startswith("tkt_") and created["state"] == "new"
    assert answer.headers["location"] == f"{TICKETS}/{created['ticket_id']}"
    (mail,) = mailbox.find(body["email"])
    assert created["ticket_id"] in mail.subject and created["ticket_id"] in mail.text
    assert mail.html is not None and "&lt;script&gt;" in mail.html and "<script>" not in mail.html


async def test_the_imei_pages_mismatch_letter_gets_a_48_hour_promise(
    api: httpx.AsyncClient, new_letter: NewLetter
) -> None:
    body = new_letter(
        subject="imei-registration",
        message="Model: Galaxy A15 Duos. Sistem tək SIM deyir.",
        imeis=["490154203237518", "35-209900-176148-1"],
        category="imei_device_type_mismatch",
    )
    created = await write(api, body)
    assert created["sla_hours"] == 48 and created["category"] == "imei_device_type_mismatch"
    status = await api.get(f"{TICKETS}/{created['ticket_id']}", params={"email": body["email"]})
    assert status.json()["due_at"] == created["due_at"] and status.json()["sla_hours"] == 48


async def test_the_overdue_list_holds_open_tickets_past_their_clock_but_not_waiting_ones(
    api: httpx.AsyncClient, new_letter: NewLetter, sign_in: SignIn, move_clock: MoveClock
) -> None:
    aysel = await sign_in("aysel")
    late = await write(api, new_letter(payment_id=None, category="payment_problem"))
    answered = await write(api, new_letter(category="payment_problem"))
    relaxed = await write(api, new_letter())  # "other": 72 hours
    await api.post(f"{TICKETS}/{answered['ticket_id']}/assign", json={}, headers=aysel)
    await api.post(
        f"{TICKETS}/{answered['ticket_id']}/replies", json={"message": "?"}, headers=aysel
    )
    move_clock(timedelta(hours=25))
    assert (await api.get(TICKETS, headers=aysel)).status_code == 401  # an hour-long sign-in
    aysel = await sign_in("aysel")
    overdue = await ids(api, f"{TICKETS}/overdue", aysel)
    assert late["ticket_id"] in overdue
    assert answered["ticket_id"] not in overdue and relaxed["ticket_id"] not in overdue
    assert late["ticket_id"] in await ids(api, TICKETS, aysel, overdue="true")
    view = (await api.get(f"{TICKETS}/{late['ticket_id']}", headers=aysel)).json()
    assert view["overdue"] is True and view["seconds_left"] < 0


async def test_the_customers_answer_restarts_the_clock_with_the_wait_added(
    api: httpx.AsyncClient, new_letter: NewLetter, sign_in: SignIn, move_clock: MoveClock
) -> None:
    aysel = await sign_in("aysel")
    body = new_letter()
    ticket_id = (await write(api, body))["ticket_id"]
    path = f"{TICKETS}/{ticket_id}"
    await api.post(f"{path}/assign", json={}, headers=aysel)
    replied = await api.post(f"{path}/replies", json={"message": "Hansı nömrə?"}, headers=aysel)
    due = datetime.fromisoformat(replied.json()["due_at"])
    move_clock(timedelta(minutes=50))
    answer = await api.post(
        f"{path}/customer-replies",
        json={"from_email": body["email"].upper(), "message": "050 123 45 67"},
        headers=aysel,
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["state"] == "assigned"
    assert datetime.fromisoformat(answer.json()["due_at"]) == due + timedelta(minutes=50)
    stranger = await api.post(
        f"{path}/customer-replies",
        json={"from_email": "someone@else.az", "message": "hi"},
        headers=aysel,
    )
    assert stranger.status_code == 422 and stranger.json()["code"] == "not_the_customer"


async def test_search_and_filters_find_the_right_tickets(
    api: httpx.AsyncClient, new_letter: NewLetter, sign_in: SignIn
) -> None:
    leyla = await sign_in("leyla")
    surname = "Qəhrəmanlı"
    mine = await write(api, new_letter(last_name=surname, subject="azerisiq"))
    other = await write(api, new_letter(category="imei_device_type_mismatch"))
    assert await ids(api, TICKETS, leyla, q="qəhrəmanlı") == {mine["ticket_id"]}
    assert await ids(api, TICKETS, leyla, q=mine["ticket_id"]) == {mine["ticket_id"]}
    by_category = await ids(api, TICKETS, leyla, category="imei_device_type_mismatch")
    assert other["ticket_id"] in by_category and mine["ticket_id"] not in by_category
    await api.post(
        f"{TICKETS}/{mine['ticket_id']}/assign", json={"assignee": "rashad"}, headers=leyla
    )
    assigned = await ids(api, TICKETS, leyla, state="assigned", assignee="rashad")
    assert mine["ticket_id"] in assigned and other["ticket_id"] not in assigned
    assert await ids(api, TICKETS, leyla, q="(.*") == set()  # text, not a pattern


async def test_staff_endpoints_need_a_token_and_the_right_role(
    api: httpx.AsyncClient, new_letter: NewLetter, sign_in: SignIn
) -> None:
    ticket_id = (await write(api, new_letter()))["ticket_id"]
    path = f"{TICKETS}/{ticket_id}"
    for method, url in (("GET", TICKETS), ("GET", f"{TICKETS}/overdue"), ("GET", path)):
        missing = await api.request(method, url)
        assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
        assert missing.headers["content-type"] == "application/problem+json"
        assert missing.json()["message"]["az"]
    forged = await api.get(TICKETS, headers={"Authorization": "Bearer abc.def.ghi"})
    assert forged.status_code == 401 and forged.json()["code"] == "invalid_token"
    wrong = await api.post("/api/support/auth/token", data={"username": "aysel", "password": "x"})
    assert wrong.status_code == 401 and wrong.json()["code"] == "invalid_credentials"

    aysel, rashad, leyla = await sign_in("aysel"), await sign_in("rashad"), await sign_in("leyla")
    assert (await api.post(f"{path}/assign", json={}, headers=rashad)).status_code == 200
    for attempt in (
        api.post(f"{path}/assign", json={}, headers=aysel),  # taking rashad's ticket
        api.post(f"{path}/assign", json={"assignee": "aysel"}, headers=rashad),  # giving it away
        api.post(f"{path}/resolve", json={"resolution": "done"}, headers=aysel),
        api.post(f"{path}/replies", json={"message": "hi"}, headers=aysel),
    ):
        refused = await attempt
        assert refused.status_code == 403, refused.text
        assert refused.headers["content-type"] == "application/problem+json"
    moved = await api.post(f"{path}/assign", json={"assignee": "aysel"}, headers=leyla)
    assert moved.status_code == 200 and moved.json()["assignee"] == "aysel"
    unknown = await api.post(f"{path}/assign", json={"assignee": "nobody"}, headers=leyla)
    assert unknown.status_code == 422


async def test_a_reply_to_a_new_ticket_is_a_conflict_that_names_the_states(
    api: httpx.AsyncClient, new_letter: NewLetter, sign_in: SignIn
) -> None:
    leyla = await sign_in("leyla")
    ticket_id = (await write(api, new_letter()))["ticket_id"]
    refused = await api.post(f"{TICKETS}/{ticket_id}/replies", json={"message": "x"}, headers=leyla)
    assert refused.status_code == 409
    assert refused.json()["state"] == "new"
    assert refused.json()["allowed_from"] == ["assigned", "waiting_for_customer"]

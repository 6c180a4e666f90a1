"""The customer answers their specialist from the ticket page, known by number + e-mail."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.integration

SignIn = Callable[[str], Awaitable[dict[str, str]]]
NewLetter = Callable[..., dict[str, Any]]
TICKETS = "/api/support/tickets"
VISA = "4111 1111 1111 1111"


async def answered_ticket(
    api: httpx.AsyncClient, new_letter: NewLetter, sign_in: SignIn
) -> tuple[str, str, dict[str, str]]:
    """A letter a specialist took and asked a question about: the customer's turn."""
    body = new_letter()
    created = await api.post(TICKETS, json=body)
    ticket_id = created.json()["ticket_id"]
    aysel = await sign_in("aysel")
    await api.post(f"{TICKETS}/{ticket_id}/assign", json={}, headers=aysel)
    asked = await api.post(
        f"{TICKETS}/{ticket_id}/replies", json={"message": "Hansı nömrəyə?"}, headers=aysel
    )
    assert asked.json()["state"] == "waiting_for_customer", asked.text
    return ticket_id, body["email"], aysel


def an_answer(email: str, message: str, reply_id: str | None = None) -> dict[str, str]:
    return {"email": email, "message": message, "reply_id": reply_id or uuid.uuid4().hex}


async def test_the_customers_answer_reaches_the_specialist_and_the_conversation(
    api: httpx.AsyncClient, new_letter: NewLetter, sign_in: SignIn
) -> None:
    ticket_id, email, aysel = await answered_ticket(api, new_letter, sign_in)
    path = f"{TICKETS}/{ticket_id}"
    sent = await api.post(
        f"{path}/answers", json=an_answer(email.upper(), f"Nömrə 0501234567, kart {VISA}")
    )
    assert sent.status_code == 200, sent.text
    view = sent.json()
    assert view["state"] == "assigned" and view["can_reply"] is True
    assert [(one["from"], one["text"]) for one in view["conversation"]] == [
        ("customer", "Kartdan 10 AZN çıxıb, balans artmayıb."),
        ("specialist", "Hansı nömrəyə?"),
        ("customer", "Nömrə 0501234567, kart •••• 1111"),
    ]
    assert view["conversation"][0]["at"] <= view["conversation"][2]["at"]
    desk_view = (await api.get(path, headers=aysel)).json()
    assert desk_view["trail"][-1]["action"] == "customer_replied"
    assert desk_view["trail"][-1]["text"] == "Nömrə 0501234567, kart •••• 1111"
    assert "4111" not in str(desk_view)


async def test_an_answer_sent_twice_is_kept_once(
    api: httpx.AsyncClient, new_letter: NewLetter, sign_in: SignIn
) -> None:
    ticket_id, email, aysel = await answered_ticket(api, new_letter, sign_in)
    path = f"{TICKETS}/{ticket_id}"
    body = an_answer(email, "Nömrə 055 987 65 43")
    first = await api.post(f"{path}/answers", json=body)
    again = await api.post(f"{path}/answers", json=body)
    assert first.status_code == again.status_code == 200
    assert first.json()["conversation"] == again.json()["conversation"]
    trail = (await api.get(path, headers=aysel)).json()["trail"]
    assert [entry["action"] for entry in trail].count("customer_replied") == 1


async def test_a_wrong_email_reads_like_an_unknown_ticket(
    api: httpx.AsyncClient, new_letter: NewLetter, sign_in: SignIn
) -> None:
    ticket_id, _email, aysel = await answered_ticket(api, new_letter, sign_in)
    wrong = await api.post(f"{TICKETS}/{ticket_id}/answers", json=an_answer("x@y.az", "salam"))
    unknown = await api.post(f"{TICKETS}/tkt_nothing/answers", json=an_answer("x@y.az", "salam"))
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.json() == unknown.json()
    assert set(wrong.json()["message"]) == {"az", "en", "ru"}
    trail = (await api.get(f"{TICKETS}/{ticket_id}", headers=aysel)).json()["trail"]
    assert "customer_replied" not in [entry["action"] for entry in trail]


async def test_a_closed_ticket_takes_no_answers_and_says_so(
    api: httpx.AsyncClient, new_letter: NewLetter, sign_in: SignIn
) -> None:
    ticket_id, email, aysel = await answered_ticket(api, new_letter, sign_in)
    path = f"{TICKETS}/{ticket_id}"
    await api.post(f"{path}/resolve", json={"resolution": "Pul qaytarıldı."}, headers=aysel)
    refused = await api.post(f"{path}/answers", json=an_answer(email, "Hələ gəlməyib"))
    assert refused.status_code == 409 and refused.json()["code"] == "ticket_closed"
    assert refused.headers["content-type"] == "application/problem+json"
    assert "закрыто" in refused.json()["message"]["ru"]
    view = (await api.get(path, params={"email": email})).json()
    assert view["can_reply"] is False and view["state"] == "resolved"


@pytest.mark.parametrize(
    "change",
    [
        {"message": ""},
        {"message": "x" * 5001},
        {"reply_id": "short"},
        {"email": ""},
    ],
)
async def test_bad_answers_are_refused_in_three_languages(
    api: httpx.AsyncClient, new_letter: NewLetter, sign_in: SignIn, change: dict[str, str]
) -> None:
    ticket_id, email, _aysel = await answered_ticket(api, new_letter, sign_in)
    body = an_answer(email, "salam") | change
    refused = await api.post(f"{TICKETS}/{ticket_id}/answers", json=body)
    assert refused.status_code == 422, refused.text
    assert set(refused.json()["message"]) == {"az", "en", "ru"}

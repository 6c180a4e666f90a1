"""A ticket's letters are written in the language of the page the customer wrote from: the
confirmation, a specialist's answer and the resolution, as the mail sandbox receives them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from sandboxes.mail.mailbox import Mailbox

pytestmark = pytest.mark.integration

SignIn = Callable[[str], Awaitable[dict[str, str]]]
NewLetter = Callable[..., dict[str, Any]]
TICKETS = "/api/support/tickets"

WORDS = {
    "ru": (
        "Мы получили ваше письмо",
        "Ответ на ваше письмо",
        "Ваше обращение решено",
        "Служба поддержки SmartPay",
    ),
    "en": ("We received your letter", "Answer to your letter", "Your letter is resolved", "Dear"),
}
AZERBAIJANI = ("Hörmətli", "Müraciət", "qəbul")


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_every_letter_speaks_the_language_of_the_form(
    api: httpx.AsyncClient,
    new_letter: NewLetter,
    sign_in: SignIn,
    mailbox: Mailbox,
    language: str,
) -> None:
    received, answered, resolved, signed = WORDS[language]
    body = new_letter(language=language)
    created = await api.post(TICKETS, json=body)
    assert created.status_code == 201, created.text
    ticket_id = created.json()["ticket_id"]
    aysel = await sign_in("aysel")
    path = f"{TICKETS}/{ticket_id}"
    await api.post(f"{path}/assign", json={}, headers=aysel)
    await api.post(f"{path}/replies", json={"message": "Проверьте баланс."}, headers=aysel)
    await api.post(f"{path}/resolve", json={"resolution": "Баланс пополнен."}, headers=aysel)

    letters = mailbox.find(body["email"])
    assert [letter.subject for letter in letters] == [
        f"{received}: {ticket_id}",
        f"{answered}: {ticket_id}",
        f"{resolved}: {ticket_id}",
    ]
    for letter in letters:
        assert signed in letter.text
        assert not any(word in letter.text for word in AZERBAIJANI), letter.text
        assert letter.html is not None and f'<html lang="{language}">' in letter.html


async def test_a_form_without_a_language_is_answered_in_azerbaijani(
    api: httpx.AsyncClient, new_letter: NewLetter, mailbox: Mailbox
) -> None:
    body = new_letter()
    ticket_id = (await api.post(TICKETS, json=body)).json()["ticket_id"]
    (letter,) = mailbox.find(body["email"])
    assert letter.subject == f"Müraciətiniz qəbul edildi: {ticket_id}"
    assert "Dear" not in letter.text


async def test_an_unknown_language_is_a_field_error(
    api: httpx.AsyncClient, new_letter: NewLetter
) -> None:
    refused = await api.post(TICKETS, json=new_letter(language="de"))
    assert refused.status_code == 422
    (error,) = refused.json()["errors"]
    assert error["field"] == "language" and set(error["message"]) == {"az", "en", "ru"}

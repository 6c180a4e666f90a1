"""The contact form's edges on the real database: images, hostile input, the status lookup."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.integration

SignIn = Callable[[str], Awaitable[dict[str, str]]]
NewLetter = Callable[..., dict[str, Any]]
TICKETS = "/api/support/tickets"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 2048
MB = 1024 * 1024


def as_form(body: dict[str, Any]) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    for name, value in body.items():
        values = value if isinstance(value, list) else [value]
        fields += [(name, str(item)) for item in values]
    return fields


async def test_an_image_is_kept_and_given_back_to_specialists_only(
    api: httpx.AsyncClient, new_letter: NewLetter, sign_in: SignIn
) -> None:
    body = new_letter(imeis=["490154203237518", "352099001761481"])
    answer = await api.post(
        TICKETS,
        data=dict(as_form({k: v for k, v in body.items() if k != "imeis"})),
        files=[
            ("imeis", (None, "490154203237518")),
            ("imeis", (None, "352099001761481")),
            ("attachment", ("../screen shot.png", PNG, "application/pdf")),
        ],
    )
    assert answer.status_code == 201, answer.text
    ticket_id = answer.json()["ticket_id"]
    attachment_url = f"{TICKETS}/{ticket_id}/attachment"
    assert (await api.get(attachment_url)).status_code == 401
    leyla = await sign_in("leyla")
    view = (await api.get(f"{TICKETS}/{ticket_id}", headers=leyla)).json()
    assert view["imeis"] == ["490154203237518", "352099001761481"]
    assert view["attachment"]["content_type"] == "image/png"
    assert view["attachment"]["filename"] == "screenshot.png"
    image = await api.get(attachment_url, headers=leyla)
    assert image.status_code == 200 and image.content == PNG
    assert image.headers["content-type"] == "image/png"
    assert image.headers["content-disposition"].startswith("attachment;")


@pytest.mark.parametrize(
    ("content", "status", "code"),
    [
        (
            b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
            415,
            "attachment_not_an_image",
        ),
        (b"%PDF-1.7", 415, "attachment_not_an_image"),
        (b"\xff\xd8\xff" + b"\x00" * (5 * MB), 413, "attachment_too_large"),
        (b"\xff\xd8\xff" + b"\x00" * (6 * MB), 413, "payload_too_large"),
    ],
)
async def test_what_is_not_a_small_image_is_refused(
    api: httpx.AsyncClient, new_letter: NewLetter, content: bytes, status: int, code: str
) -> None:
    answer = await api.post(
        TICKETS,
        data=dict(as_form(new_letter())),
        files={"attachment": ("photo.png", content, "image/png")},
    )
    assert answer.status_code == status, answer.text
    assert answer.json()["code"] == code and answer.json()["message"]["az"]


@pytest.mark.parametrize(
    ("content", "content_type", "status"),
    [
        (b"{not json", "application/json", 400),
        (b"[1, 2]", "application/json", 400),
        (b"\xff\xfe", "application/json", 400),
        (b"first_name=A", "application/x-www-form-urlencoded", 415),
        (b"hello", "text/plain", 415),
        (b"--x\r\nbroken", "multipart/form-data; boundary=x", 422),  # no fields in it
        (b"--x\r\nbroken", "multipart/form-data", 400),
        (json.dumps({"message": "x" * 70_000}).encode(), "application/json", 413),
    ],
)
async def test_unreadable_bodies_get_a_4xx_problem_never_a_5xx(
    api: httpx.AsyncClient, content: bytes, content_type: str, status: int
) -> None:
    answer = await api.post(TICKETS, content=content, headers={"content-type": content_type})
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert set(answer.json()["message"]) == {"az", "en", "ru"}


async def test_a_wrong_form_says_what_is_wrong_with_each_field_in_three_languages(
    api: httpx.AsyncClient, new_letter: NewLetter
) -> None:
    body = new_letter(first_name="R2D2", email="aysel@gmial.com\r\nBcc: all@example.az")
    answer = await api.post(TICKETS, json=body)
    assert answer.status_code == 422
    errors = {error["field"]: error for error in answer.json()["errors"]}
    assert set(errors) == {"first_name", "email"}
    assert errors["email"]["code"] == "header_injection"
    assert errors["email"]["message"]["az"] and errors["email"]["message"]["en"]
    assert "перенос" in errors["email"]["message"]["ru"]


async def test_a_wrong_email_reads_exactly_like_an_unknown_ticket(
    api: httpx.AsyncClient, new_letter: NewLetter
) -> None:
    body = new_letter()
    ticket_id = (await api.post(TICKETS, json=body)).json()["ticket_id"]
    mine = await api.get(f"{TICKETS}/{ticket_id}", params={"email": body["email"].upper()})
    assert mine.status_code == 200 and mine.json()["state"] == "new"
    assert "message" not in mine.json() and "trail" not in mine.json()
    wrong = await api.get(f"{TICKETS}/{ticket_id}", params={"email": "other@example.az"})
    unknown_id = ticket_id[:-4] + ("zzzz" if not ticket_id.endswith("zzzz") else "yyyy")
    unknown = await api.get(f"{TICKETS}/{unknown_id}", params={"email": body["email"]})
    garbage = await api.get(f"{TICKETS}/nonsense", params={"email": body["email"]})
    assert wrong.status_code == unknown.status_code == garbage.status_code == 404
    assert wrong.content == unknown.content == garbage.content
    assert wrong.headers["content-type"] == unknown.headers["content-type"]

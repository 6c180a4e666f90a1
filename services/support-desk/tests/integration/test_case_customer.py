"""An automatic case and its customer: one opening letter however many processes are told, the
case on the payment's public status (nothing personal), and the lookup by the payment's e-mail."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import httpx
import pytest
from fastapi import FastAPI

from contracts.events import MismatchCleared, MismatchDetected
from contracts.ids import new_id
from sandboxes.mail.mailbox import Mailbox
from support_desk.domain.cases import case_id_for
from support_desk.handlers.cases import close_case, open_case
from support_desk.handlers.context import SupportDesk

pytestmark = pytest.mark.integration

StartDesk = Callable[..., AbstractAsyncContextManager[FastAPI]]


def with_customer(detected: MismatchDetected, email: str) -> MismatchDetected:
    return detected.model_copy(update={"customer_email": email, "language": "ru"})


async def letters_to(mailbox: Mailbox, email: str, count: int) -> list[str]:
    for _ in range(100):
        if len(mailbox.find(email)) >= count:
            break
        await asyncio.sleep(0.1)
    return [mail.subject for mail in mailbox.find(email)]


async def test_two_processes_told_many_times_send_one_opening_letter(
    desk: SupportDesk,
    start_desk: StartDesk,
    mailbox: Mailbox,
    new_mismatch: Callable[[], MismatchDetected],
) -> None:
    email = f"c-{uuid.uuid4().hex[:8]}@example.az"
    detected = with_customer(new_mismatch(), email)
    async with start_desk(database=desk.settings.database) as second:
        other: SupportDesk = second.state.context
        await asyncio.gather(
            *(open_case(d, detected, new_id("evt")) for _ in range(6) for d in (desk, other)),
            return_exceptions=True,
        )
        await letters_to(mailbox, email, 1)
        case_id = case_id_for(detected.payment_id, detected.kind.value)
        for _ in range(100):  # once the case owes nothing, nothing more can be sent
            case = await desk.tickets.get(case_id)
            if case is not None and not case.letters_due:
                break
            await asyncio.sleep(0.1)
    subjects = [mail.subject for mail in mailbox.find(email)]
    assert subjects == [f"Мы заметили проблему с вашим платежом {detected.payment_id}"]


async def test_the_case_shows_on_the_payment_and_to_its_customer_and_ends_with_a_letter(
    desk: SupportDesk,
    api: httpx.AsyncClient,
    mailbox: Mailbox,
    new_mismatch: Callable[[], MismatchDetected],
) -> None:
    email = f"c-{uuid.uuid4().hex[:8]}@example.az"
    detected = with_customer(new_mismatch(), email)
    case_id = case_id_for(detected.payment_id, detected.kind.value)
    await open_case(desk, detected, new_id("evt"))

    public = await api.get("/api/support/cases", params={"payment": detected.payment_id})
    assert public.status_code == 200 and public.headers["cache-control"] == "no-store"
    (case,) = public.json()["cases"]
    assert (case["ticket_id"], case["state"], case["outcome"]) == (case_id, "new", None)
    assert email not in public.text and "501234567" not in public.text
    none = await api.get("/api/support/cases", params={"payment": new_id("pay")})
    assert none.json()["cases"] == []

    await close_case(
        desk,
        MismatchCleared(
            payment_id=detected.payment_id,
            kind=detected.kind,
            cleared_by="provider-activated",
            cleared_at=detected.detected_at,
            provider_transaction_id="PRV-77",
        ),
    )
    assert len(await letters_to(mailbox, email, 2)) == 2
    closing = mailbox.find(email)[-1]
    assert "PRV-77" in closing.text and "Услуга" in closing.text

    public = await api.get("/api/support/cases", params={"payment": detected.payment_id})
    (case,) = public.json()["cases"]
    assert (case["state"], case["outcome"]) == ("resolved", {"ended": "activated"})
    assert "PRV-77" not in public.text  # references only for whoever knows the e-mail

    mine = await api.get(f"/api/support/tickets/{case_id}", params={"email": email.upper()})
    assert mine.status_code == 200
    assert mine.json()["case"]["outcome"]["provider_reference"] == "PRV-77"
    wrong = await api.get(f"/api/support/tickets/{case_id}", params={"email": "x@example.az"})
    assert wrong.status_code == 404


@pytest.mark.parametrize("payment", ["", "pay_", "tkt_01jdx3v9k2e8q1w5r7t0y4u6i", "x" * 65])
async def test_a_bad_payment_number_is_a_problem_in_three_languages(
    api: httpx.AsyncClient, payment: str
) -> None:
    answer = await api.get("/api/support/cases", params={"payment": payment})
    assert answer.status_code in (400, 422), answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    if answer.status_code == 400:
        assert answer.json()["code"] == "invalid_payment_id"
        assert set(answer.json()["message"]) == {"az", "en", "ru"}

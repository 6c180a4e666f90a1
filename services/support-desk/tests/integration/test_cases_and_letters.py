"""Two processes racing on one payment's case, and letters that wait for the mail server."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from contracts.events import MismatchDetected
from contracts.ids import new_id
from devstack.ports import free_port
from sandboxes.mail.mailbox import Mailbox
from sandboxes.mail.smtp import smtp_server
from support_desk.adapters.repository import TicketQuery
from support_desk.domain.cases import case_id_for
from support_desk.domain.model import Action
from support_desk.domain.permissions import Role, StaffMember
from support_desk.domain.states import TicketState
from support_desk.handlers import work
from support_desk.handlers.cases import open_case
from support_desk.handlers.context import SupportDesk

pytestmark = pytest.mark.integration

StartDesk = Callable[..., AbstractAsyncContextManager[FastAPI]]


async def test_two_processes_told_many_times_open_exactly_one_case(
    desk: SupportDesk, start_desk: StartDesk, new_mismatch: Callable[[], MismatchDetected]
) -> None:
    detected = new_mismatch()
    async with start_desk(database=desk.settings.database) as second:
        other: SupportDesk = second.state.context  # its own locks: only the database decides
        await asyncio.gather(
            *(open_case(d, detected, new_id("evt")) for _ in range(8) for d in (desk, other)),
            return_exceptions=True,  # a lost version race is retried by the consumer, not here
        )
    cases = await desk.tickets.find(TicketQuery(text=detected.payment_id))
    assert [case.id for case in cases] == [case_id_for(detected.payment_id, detected.kind.value)]
    assert cases[0].state is TicketState.NEW
    assert any(entry.action is Action.DETECTED_AGAIN for entry in cases[0].trail)


async def test_a_letter_waits_for_the_mail_server_and_goes_out_once_it_is_back(
    start_desk: StartDesk, new_letter: Callable[..., dict[str, Any]]
) -> None:
    port = free_port()  # nobody listens here yet
    body = new_letter()
    async with start_desk(smtp_port=port) as app:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://desk") as api:
            answer = await api.post("/api/support/tickets", json=body)
            assert answer.status_code == 201, answer.text  # the letter is kept, not lost
            desk: SupportDesk = app.state.context
            leyla = StaffMember("leyla", Role.SUPERVISOR)
            await work.assign(
                desk, leyla, answer.json()["ticket_id"], "aysel"
            )  # a change meanwhile
            mailbox = Mailbox()
            server = smtp_server(mailbox, "127.0.0.1", port)
            server.start()
            try:
                for _ in range(50):
                    if mailbox.find(body["email"]):
                        break
                    await asyncio.sleep(0.1)
            finally:
                server.stop()
    (mail,) = mailbox.find(body["email"])
    assert answer.json()["ticket_id"] in mail.subject

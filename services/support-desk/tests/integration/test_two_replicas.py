"""Two replicas of support-desk share one database: the other replica's write lands between this
replica's read of a ticket and its write, and no letter goes out twice or is forgotten."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

import pytest
from fastapi import FastAPI

from sandboxes.mail.mailbox import Mailbox
from support_desk.domain.contact_form import ContactForm
from support_desk.domain.model import Letter
from support_desk.handlers.contact import submit_contact_form
from support_desk.handlers.context import SupportDesk
from support_desk.handlers.letters import deliver_letters

pytestmark = pytest.mark.integration

FORM_FIELDS = ("first_name", "last_name", "email", "subject", "message")
StartDesk = Callable[..., AbstractAsyncContextManager[FastAPI]]


@pytest.fixture(scope="module")
async def quiet_desk(start_desk: StartDesk, mailbox: Mailbox) -> AsyncIterator[SupportDesk]:
    """A desk whose letter sweep stays out of the way, so only the test's calls send."""
    del mailbox  # its SMTP server must run
    async with start_desk(mail_sweep_seconds=3600) as app:
        yield app.state.context


def form(new_letter: Callable[..., dict[str, Any]]) -> ContactForm:
    fields = new_letter()
    return ContactForm(**{name: fields[name] for name in FORM_FIELDS})


async def wait_for_mail(mailbox: Mailbox, address: str, count: int) -> None:
    for _ in range(50):
        if len(mailbox.find(address)) >= count:
            return
        await asyncio.sleep(0.1)


async def test_a_letter_sent_while_the_other_replica_changed_the_ticket_is_marked_sent(
    quiet_desk: SupportDesk, mailbox: Mailbox, new_letter: Callable[..., dict[str, Any]]
) -> None:
    desk, contact = quiet_desk, form(new_letter)
    collection = desk.tickets._store.collection
    real_send = desk.mailer.send

    async def send_while_the_ticket_changes(letter: Letter) -> None:
        await real_send(letter)
        del desk.mailer.send  # type: ignore[attr-defined]
        # The other replica (a specialist's change) saves the ticket in the meantime.
        await collection.update_one({"customer.email": contact.email}, {"$inc": {"version": 1}})

    desk.mailer.send = send_while_the_ticket_changes  # type: ignore[method-assign]
    ticket = await submit_contact_form(desk, contact, None)

    stored = await desk.tickets.get(ticket.id)
    assert stored is not None
    assert stored.letters_due == ()  # else the sweep would send the confirmation again
    assert await deliver_letters(desk, ticket.id) == 0
    await wait_for_mail(mailbox, contact.email, 1)
    assert len(mailbox.find(contact.email)) == 1


async def test_letters_the_other_replica_is_sending_are_left_to_it(
    quiet_desk: SupportDesk, mailbox: Mailbox, new_letter: Callable[..., dict[str, Any]]
) -> None:
    desk, contact = quiet_desk, form(new_letter)
    claims: list[object] = []
    real_claim = desk.tickets.claim_letters

    async def the_other_replica_claims_first(ticket_id: str) -> Any:
        del desk.tickets.claim_letters  # type: ignore[attr-defined]
        claims.append(await real_claim(ticket_id))  # the other replica's sweep
        return await real_claim(ticket_id)  # ours, which must find it taken

    desk.tickets.claim_letters = the_other_replica_claims_first  # type: ignore[method-assign]
    ticket = await submit_contact_form(desk, contact, None)

    assert claims and claims[0] is not None
    stored = await desk.tickets.get(ticket.id)
    assert stored is not None and len(stored.letters_due) == 1  # still the other's to send
    await asyncio.sleep(0.5)
    assert mailbox.find(contact.email) == []

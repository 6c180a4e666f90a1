"""Sends the letters a ticket owes, after the ticket is saved; a sweep retries what failed."""

from __future__ import annotations

import asyncio
import logging
import smtplib

from servicekit.mail import Mail
from servicekit.retry import LOST, Lost, until_written
from support_desk.domain.ticket import Ticket
from support_desk.handlers.context import SupportDesk

log = logging.getLogger(__name__)


async def deliver_letters(desk: SupportDesk, ticket_id: str) -> int:
    """Sends each due letter once: the replica that claimed the ticket's letters sends them, and
    each sent one is then removed from the ticket as it is by then (it may have changed)."""
    ticket = await desk.tickets.get(ticket_id)
    if ticket is None or not ticket.letters_due:
        return 0
    claimed_at = await desk.tickets.claim_letters(ticket_id)
    if claimed_at is None:
        return 0  # another replica (or task) is sending them; the sweep sends what it leaves
    try:
        sent = await _send(desk, ticket)
        if sent:
            async with desk.tickets.lock(ticket_id):
                await until_written(
                    lambda: _mark_sent(desk, ticket_id, sent), f"letters {ticket_id}"
                )
    finally:
        await desk.tickets.release_letters(ticket_id, claimed_at)
    return len(sent)


async def _send(desk: SupportDesk, ticket: Ticket) -> list[str]:
    sent: list[str] = []
    for letter in ticket.letters_due:
        try:
            await desk.mailer.send(
                Mail(letter.to, letter.subject, letter.text, letter.html, message_id=letter.id)
            )
        except (OSError, smtplib.SMTPException):
            log.warning("letter %s not sent yet; the sweep will retry", letter.id, exc_info=True)
            break
        sent.append(letter.id)
    return sent


async def _mark_sent(desk: SupportDesk, ticket_id: str, sent: list[str]) -> Lost | None:
    current = await desk.tickets.get(ticket_id)
    if current is None:
        return None
    after = current
    for letter_id in sent:
        after = after.letter_sent(letter_id)
    if after == current:
        return None
    return None if await desk.tickets.save(current, after) else LOST


async def run_letter_sweep(desk: SupportDesk) -> None:
    while True:
        try:
            for ticket_id in await desk.tickets.ids_with_letters_due():
                await deliver_letters(desk, ticket_id)
        except Exception:
            log.exception(
                "letter sweep failed; next one in %.1fs", desk.settings.mail_sweep_seconds
            )
        await asyncio.sleep(desk.settings.mail_sweep_seconds)

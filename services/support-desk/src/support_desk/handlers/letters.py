"""Sends the letters a ticket owes, after the ticket is saved; a sweep retries what failed."""

from __future__ import annotations

import asyncio
import logging
import smtplib

from support_desk.handlers.context import SupportDesk

log = logging.getLogger(__name__)


async def deliver_letters(desk: SupportDesk, ticket_id: str) -> int:
    """Sends each due letter once: under the ticket's lock, each removed as soon as it is sent."""
    sent = 0
    async with desk.tickets.lock(ticket_id):
        ticket = await desk.tickets.get(ticket_id)
        if ticket is None or not ticket.letters_due:
            return 0
        current = ticket
        for letter in ticket.letters_due:
            try:
                await desk.mailer.send(letter)
            except (OSError, smtplib.SMTPException):
                log.warning(
                    "letter %s not sent yet; the sweep will retry", letter.id, exc_info=True
                )
                break
            current = current.letter_sent(letter.id)
            sent += 1
        if sent:
            await desk.tickets.save(ticket, current)
    return sent


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

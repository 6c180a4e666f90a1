"""Sends a ticket's letters over SMTP (the mail sandbox locally); smtplib runs in a worker thread."""

from __future__ import annotations

import asyncio
import smtplib
from email.message import EmailMessage
from email.utils import make_msgid

from support_desk.domain.model import Letter


class Mailer:
    def __init__(self, host: str, port: int, sender: str) -> None:
        self._host = host
        self._port = port
        self._sender = sender

    async def send(self, letter: Letter) -> None:
        """Raises OSError or SMTPException when the letter could not be handed over."""
        message = EmailMessage()  # refuses header values with line breaks by itself, too
        message["From"] = self._sender
        message["To"] = letter.to
        message["Subject"] = letter.subject
        message["Message-ID"] = make_msgid(idstring=letter.id, domain="support.portal.local")
        message.set_content(letter.text)
        message.add_alternative(letter.html, subtype="html")
        await asyncio.to_thread(self._deliver, message)

    def _deliver(self, message: EmailMessage) -> None:
        with smtplib.SMTP(self._host, self._port, timeout=10) as smtp:
            smtp.send_message(message)

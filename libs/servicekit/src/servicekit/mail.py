"""Sends e-mail over SMTP (the mail sandbox locally): the one mailer every service uses.

smtplib blocks, so delivery runs in a worker thread. `send` raises OSError or SMTPException when
the mail could not be handed over; the callers keep what they owe and a sweep sends it again.
"""

from __future__ import annotations

import asyncio
import smtplib
import uuid
from dataclasses import dataclass
from email.message import EmailMessage


@dataclass(frozen=True)
class Attachment:
    """A file the letter carries, e.g. a receipt's PDF."""

    filename: str
    content_type: str  # "application/pdf"
    data: bytes


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    text: str
    html: str | None = None
    # A stable id (a letter's own) makes a mail sent again after a crash recognisably the same one.
    message_id: str | None = None
    attachments: tuple[Attachment, ...] = ()


class Mailer:
    def __init__(self, host: str, port: int, sender: str, domain: str = "portal.local") -> None:
        self._host = host
        self._port = port
        self._sender = sender
        self._domain = domain

    async def send(self, mail: Mail) -> None:
        await asyncio.to_thread(self._deliver, self.message(mail))

    def message(self, mail: Mail) -> EmailMessage:
        message = EmailMessage()  # refuses header values with line breaks by itself
        message["From"] = self._sender
        message["To"] = mail.to
        message["Subject"] = mail.subject
        if mail.message_id is not None:
            # The same id every time: a letter sent again after a crash is the same message (mail
            # programs show it once), and no random decimal run (make_msgid's) reads like a card.
            message["Message-ID"] = f"<{mail.message_id}@{self._domain}>"
        message.set_content(mail.text)
        if mail.html is not None:
            message.add_alternative(mail.html, subtype="html")
        for attachment in mail.attachments:
            maintype, _, subtype = attachment.content_type.partition("/")
            message.add_attachment(
                attachment.data, maintype=maintype, subtype=subtype, filename=attachment.filename
            )
        for part in message.walk():
            if part.is_multipart():
                # The library's boundary is a random 19-digit decimal, which a scan for card
                # numbers cannot tell from one; ours is hex.
                part.set_boundary(f"=_{uuid.uuid4().hex}")
        return message

    def _deliver(self, message: EmailMessage) -> None:
        with smtplib.SMTP(self._host, self._port, timeout=10) as smtp:
            smtp.send_message(message)

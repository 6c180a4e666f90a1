"""The SMTP side of the mail sandbox (aiosmtpd), listening on loopback."""

from __future__ import annotations

from typing import Any

from aiosmtpd.controller import Controller

from sandboxes.mail.mailbox import Mailbox


class _KeepEveryMessage:
    def __init__(self, mailbox: Mailbox) -> None:
        self._mailbox = mailbox

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
        self._mailbox.receive(envelope.mail_from, list(envelope.rcpt_tos), envelope.content)
        return "250 Message accepted for delivery"


def smtp_server(mailbox: Mailbox, host: str, port: int) -> Controller:
    return Controller(_KeepEveryMessage(mailbox), hostname=host, port=port)

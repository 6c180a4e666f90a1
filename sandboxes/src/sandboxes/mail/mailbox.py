"""Messages received over SMTP, parsed once and kept in memory (newest last)."""

from __future__ import annotations

import base64
import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any


@dataclass(frozen=True)
class StoredAttachment:
    filename: str
    content_type: str
    data: bytes

    def view(self) -> dict[str, Any]:
        return {
            "filename": self.filename,
            "content_type": self.content_type,
            "size": len(self.data),
            "base64": base64.b64encode(self.data).decode(),
        }


@dataclass(frozen=True)
class StoredMessage:
    id: int
    mail_from: str
    recipients: tuple[str, ...]
    subject: str
    text: str
    html: str | None
    received_at: datetime
    headers: dict[str, str]
    attachments: tuple[StoredAttachment, ...] = ()

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "from": self.mail_from,
            "to": list(self.recipients),
            "subject": self.subject,
            "received_at": self.received_at.isoformat(),
        }

    def full(self) -> dict[str, Any]:
        return {
            **self.summary(),
            "text": self.text,
            "html": self.html,
            "headers": self.headers,
            "attachments": [attachment.view() for attachment in self.attachments],
        }


@dataclass
class Mailbox:
    messages: list[StoredMessage] = field(default_factory=list)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def receive(self, mail_from: str, recipients: list[str], raw: bytes) -> StoredMessage:
        parsed = message_from_bytes(raw, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        text_part = parsed.get_body(preferencelist=("plain",))
        html_part = parsed.get_body(preferencelist=("html",))
        stored = StoredMessage(
            id=next(self._ids),
            mail_from=mail_from,
            recipients=tuple(recipients),
            subject=str(parsed.get("Subject", "")),
            text=text_part.get_content() if text_part is not None else "",
            html=html_part.get_content() if html_part is not None else None,
            received_at=datetime.now(UTC),
            headers={key: str(value) for key, value in parsed.items()},
            attachments=tuple(
                StoredAttachment(part.get_filename() or "", part.get_content_type(), _decoded(part))
                for part in parsed.iter_attachments()
            ),
        )
        self.messages.append(stored)
        return stored

    def find(self, recipient: str | None = None) -> list[StoredMessage]:
        if recipient is None:
            return list(self.messages)
        wanted = recipient.lower()
        return [m for m in self.messages if wanted in (r.lower() for r in m.recipients)]


def _decoded(part: EmailMessage) -> bytes:
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""

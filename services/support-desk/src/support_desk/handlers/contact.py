"""A customer's letter: stored as a ticket with its image, confirmed by e-mail with its number."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from contracts.ids import new_id
from support_desk.domain.attachments import (
    MAX_ATTACHMENT_BYTES,
    Attachment,
    image_type,
    safe_filename,
)
from support_desk.domain.contact_form import ContactForm
from support_desk.domain.opening import open_ticket
from support_desk.domain.ticket import Ticket
from support_desk.handlers.context import SupportDesk
from support_desk.handlers.errors import AttachmentNotAnImageError, AttachmentTooLargeError
from support_desk.handlers.letters import deliver_letters


@dataclass(frozen=True)
class Upload:
    filename: str | None
    content: bytes


async def submit_contact_form(
    desk: SupportDesk, form: ContactForm, upload: Upload | None
) -> Ticket:
    ticket_id = new_id("tkt")
    category = desk.sla.for_contact_form(form.category, form.payment_id)
    attachment = None
    if upload is not None:
        attachment = describe_upload(upload)
        await desk.attachments.put(ticket_id, attachment.content_type, upload.content)
    ticket = open_ticket(ticket_id, form, category, desk.clock(), attachment)
    await desk.tickets.add(ticket)
    await deliver_letters(desk, ticket_id)  # a failure here is retried by the sweep
    return ticket


def describe_upload(upload: Upload) -> Attachment:
    if len(upload.content) > MAX_ATTACHMENT_BYTES:
        raise AttachmentTooLargeError()
    content_type = image_type(upload.content)
    if content_type is None:
        raise AttachmentNotAnImageError()
    return Attachment(
        content_type=content_type,
        size=len(upload.content),
        sha256=hashlib.sha256(upload.content).hexdigest(),
        filename=safe_filename(upload.filename, content_type),
    )

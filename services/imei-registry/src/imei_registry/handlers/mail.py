"""The e-mail that tells the customer the device is registered and to restart it."""

from __future__ import annotations

import logging

from imei_registry.domain.messages import registered_mail
from imei_registry.handlers.context import ImeiRegistry

log = logging.getLogger(__name__)


async def send_registered_mail(registry: ImeiRegistry, registration_id: str) -> None:
    """Sent by the sweep alone, under the registration's lock, then marked sent: a crash between
    the two can send it twice, never zero times."""
    async with registry.registrations.lock(registration_id):
        current = await registry.registrations.get(registration_id)
        if current is None or not current.email_due or current.email is None:
            return
        subject, text = registered_mail(current)
        try:
            await registry.mailer.send(current.email, subject, text)
        except OSError as error:
            log.warning("registration mail for %s not sent yet: %s", registration_id, error)
            return
        await registry.registrations.save(current, current.mail_sent())

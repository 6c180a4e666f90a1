"""The e-mail that tells the customer the device is registered and to restart it."""

from __future__ import annotations

import logging

from imei_registry.domain.messages import registered_mail
from imei_registry.handlers.context import ImeiRegistry
from servicekit.mail import Mail
from servicekit.retry import LOST, Lost, until_written

log = logging.getLogger(__name__)


async def send_registered_mail(registry: ImeiRegistry, registration_id: str) -> None:
    """Sent by one replica's sweep, the one that claimed it, then marked sent: a crash between
    the two sends it again once the claim ran out, never zero times."""
    registrations = registry.registrations
    current = await registrations.get(registration_id)
    if current is None or not current.email_due or current.email is None:
        return
    claimed_at = await registrations.claim_mail(registration_id)
    if claimed_at is None:
        return  # the other replica is sending it
    subject, text = registered_mail(current)
    try:
        await registry.mailer.send(Mail(current.email, subject, text))
    except OSError as error:
        log.warning("registration mail for %s not sent yet: %s", registration_id, error)
        await registrations.release_mail(registration_id, claimed_at)
        return

    async def mark_sent() -> Lost | None:
        fresh = await registrations.get(registration_id)
        if fresh is None or not fresh.email_due:
            return None
        return None if await registrations.save(fresh, fresh.mail_sent()) else LOST

    async with registrations.lock(registration_id):
        await until_written(mark_sent, f"registration mail of {registration_id}")

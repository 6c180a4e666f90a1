"""The periodic sweep: registrations due a call to the registry, and e-mails due to go out."""

from __future__ import annotations

import asyncio
import logging

from imei_registry.handlers.context import ImeiRegistry
from imei_registry.handlers.mail import send_registered_mail
from imei_registry.handlers.progress import advance

log = logging.getLogger(__name__)


async def sweep_once(registry: ImeiRegistry) -> None:
    """One query finds everything due (FerretDB scans per query, so only one)."""
    for registration_id in await registry.registrations.due(registry.clock()):
        try:
            await advance(registry, registration_id)
            await send_registered_mail(registry, registration_id)
        except Exception:
            log.exception(
                "registration %s could not move on; next sweep tries again", registration_id
            )


async def run_registry_sweep(registry: ImeiRegistry) -> None:
    while True:
        try:
            await sweep_once(registry)
        except Exception:
            log.exception("registry sweep failed")
        await asyncio.sleep(registry.settings.registry_sweep_seconds)

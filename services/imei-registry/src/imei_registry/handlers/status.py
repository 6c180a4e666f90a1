"""What the portal and the registry know about one IMEI."""

from __future__ import annotations

import logging

from imei_registry.adapters.registry import RegistryRefusedError, RegistryUnavailableError
from imei_registry.domain.status import (
    ImeiStatus,
    StatusAnswer,
    pending_at_registry,
    registered,
    status_of,
)
from imei_registry.handlers.context import ImeiRegistry

log = logging.getLogger(__name__)


async def imei_status(registry: ImeiRegistry, imei: str) -> StatusAnswer:
    """Our records when they hold the IMEI; otherwise the registry, which may have registered it
    without us (best effort: without an answer from it, our records stand)."""
    ours = status_of(await registry.registrations.of_imeis([imei], holding_only=False))
    if ours.status in (ImeiStatus.REGISTERED, ImeiStatus.PENDING):
        return ours
    try:
        lookup = await registry.mcqs.look_up(imei)
    except (RegistryRefusedError, RegistryUnavailableError) as error:
        log.warning("registry lookup failed: %s", error)
        return ours
    if lookup.status == "registered":
        return registered(lookup.registered_at, "registry")
    if lookup.status == "pending":
        return pending_at_registry()
    return ours

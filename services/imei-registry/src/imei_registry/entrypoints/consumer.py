"""Events imei-registry reacts to; anything else on its topics is not its business."""

from __future__ import annotations

import logging

from contracts.envelope import Envelope
from servicekit.lifespan import Handle
from servicekit.runtime import ServiceRuntime

log = logging.getLogger(__name__)


def make_handler(runtime: ServiceRuntime) -> Handle:  # noqa: ARG001 - handlers will need it
    async def handle(envelope: Envelope) -> None:
        log.debug("%s is not handled here", envelope.type)

    return handle

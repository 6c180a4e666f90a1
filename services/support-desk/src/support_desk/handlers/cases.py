"""Cases the reconciler opens and clears: one per payment and kind, however often it is told."""

from __future__ import annotations

import logging

from pymongo.errors import DuplicateKeyError

from contracts.events import MismatchCleared, MismatchDetected
from support_desk.domain.cases import (
    case_id_for,
    clear_case,
    detected_again,
    open_case_for_mismatch,
)
from support_desk.domain.sla import AUTOMATIC_CATEGORY
from support_desk.handlers.context import SupportDesk

log = logging.getLogger(__name__)


class ConcurrentChangeError(RuntimeError):
    """Another process changed the case between our read and our write; the consumer retries."""


async def open_case(desk: SupportDesk, detected: MismatchDetected, event_id: str) -> None:
    case_id = case_id_for(detected.payment_id, detected.kind.value)
    async with desk.tickets.lock(case_id):
        existing = await desk.tickets.get(case_id)
        if existing is None:
            case = open_case_for_mismatch(detected, desk.sla.get(AUTOMATIC_CATEGORY), desk.clock())
            try:
                await desk.tickets.add(case)
            except DuplicateKeyError:  # another process won the race: its case is the one case
                log.info("case %s was opened concurrently", case_id)
            return
        if any(entry.ref == event_id for entry in existing.trail):
            return  # this very event was already recorded
        again = detected_again(existing, detected, event_id, desk.clock())
        if await desk.tickets.save(existing, again) is None:
            raise ConcurrentChangeError(case_id)


async def close_case(desk: SupportDesk, cleared: MismatchCleared) -> None:
    case_id = case_id_for(cleared.payment_id, cleared.kind.value)
    async with desk.tickets.lock(case_id):
        case = await desk.tickets.get(case_id)
        if case is None:
            log.warning("mismatch %s cleared but no case %s exists", cleared.kind.value, case_id)
            return
        closed = clear_case(case, cleared, desk.clock())
        if closed == case:
            return  # already closed by an earlier copy of this clearing
        if await desk.tickets.save(case, closed) is None:
            raise ConcurrentChangeError(case_id)

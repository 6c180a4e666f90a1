"""Cases the reconciler opens and clears: one per payment and kind, however often it is told."""

from __future__ import annotations

import logging

from pymongo.errors import DuplicateKeyError

from contracts.events import MismatchCleared, MismatchDetected
from servicekit.retry import LOST, Lost, until_written
from support_desk.domain.cases import case_id_for, detected_again, open_case_for_mismatch
from support_desk.domain.clearing import clear_case
from support_desk.domain.sla import AUTOMATIC_CATEGORY
from support_desk.handlers.context import SupportDesk
from support_desk.handlers.letters import deliver_letters

log = logging.getLogger(__name__)


async def open_case(desk: SupportDesk, detected: MismatchDetected, event_id: str) -> None:
    """One case per payment and kind: its id is derived from them, so of two replicas inserting
    it one insert fails (a unique `_id`, atomic even on FerretDB) and the one case stands."""
    case_id = case_id_for(detected.payment_id, detected.kind.value)

    async def attempt() -> Lost | None:
        existing = await desk.tickets.get(case_id)
        if existing is None:
            case = open_case_for_mismatch(
                detected, desk.sla.get(AUTOMATIC_CATEGORY), desk.clock(), desk.settings.public_url
            )
            try:
                await desk.tickets.add(case)
            except DuplicateKeyError:  # another process won the race: its case is the one case
                log.info("case %s was opened concurrently", case_id)
            return None
        if any(entry.ref == event_id for entry in existing.trail):
            return None  # this very event was already recorded
        again = detected_again(existing, detected, event_id, desk.clock())
        return None if await desk.tickets.save(existing, again) else LOST

    async with desk.tickets.lock(case_id):
        await until_written(attempt, f"case {case_id}")
    await deliver_letters(desk, case_id)  # the customer hears it first; the sweep retries


async def close_case(desk: SupportDesk, cleared: MismatchCleared) -> None:
    case_id = case_id_for(cleared.payment_id, cleared.kind.value)

    async def attempt() -> Lost | None:
        case = await desk.tickets.get(case_id)
        if case is None:
            log.warning("mismatch %s cleared but no case %s exists", cleared.kind.value, case_id)
            return None
        closed = clear_case(case, cleared, desk.clock(), desk.settings.public_url)
        if closed == case:
            return None  # already closed by an earlier copy of this clearing
        return None if await desk.tickets.save(case, closed) else LOST

    async with desk.tickets.lock(case_id):
        await until_written(attempt, f"case {case_id}")
    await deliver_letters(desk, case_id)

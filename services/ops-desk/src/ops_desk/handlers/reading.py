"""What ops look at: a payment's story, payments by account/state/service, dead letters, the
reconciliation report. payportal reads and computes; this names the refusals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ops_desk.handlers.context import OpsDesk
from ops_desk.handlers.errors import (
    DeadLetterNotFoundError,
    FilterRequiredError,
    NothingToReplayError,
    PaymentNotFoundError,
    SourcesUnavailableError,
    translated,
)
from payportal.cases import open_cases
from payportal.mongo_io import Document, databases, dead_letters, find_payments
from payportal.recon import DayOfKind, OpenMismatches, day_of_events, open_mismatches
from payportal.replay import Replayed, find_dead_letter, replay
from payportal.sources import gather_payment, gather_recon
from payportal.story import Story, tell

FIND_LIMIT = 50
DEAD_LETTERS_LIMIT = 100


@dataclass(frozen=True)
class PaymentFilter:
    account: str | None = None
    state: str | None = None
    service: str | None = None

    def conditions(self) -> Document:
        given = (("account", self.account), ("state", self.state), ("service_id", self.service))
        return {name: value for name, value in given if value}


@dataclass(frozen=True)
class ReconReport:
    day: date
    open: list[OpenMismatches]
    found: list[DayOfKind]


async def payment_story(desk: OpsDesk, payment_id: str) -> Story:
    with translated(PaymentNotFoundError):
        return tell(await gather_payment(desk.endpoints, payment_id))


async def find(desk: OpsDesk, wanted: PaymentFilter) -> list[Document]:
    """Newest first, at most FIND_LIMIT; a filter is required (all payments is not a search)."""
    conditions = wanted.conditions()
    if not conditions:
        raise FilterRequiredError()
    with translated(PaymentNotFoundError):
        async with databases(desk.endpoints) as client:
            return await find_payments(client, conditions, FIND_LIMIT)


async def parked(desk: OpsDesk) -> list[Document]:
    with translated(SourcesUnavailableError):
        async with databases(desk.endpoints) as client:
            return await dead_letters(client, DEAD_LETTERS_LIMIT)


async def replay_letter(desk: OpsDesk, letter_id: str) -> Replayed:
    """The parked event back on its topic, same id: the parking service handles it once more,
    and a second replay only publishes a copy every inbox skips."""
    with translated(DeadLetterNotFoundError):
        async with databases(desk.endpoints) as client:
            letter = await find_dead_letter(client, letter_id)
            if not letter.get("envelope"):
                raise NothingToReplayError(str(letter.get("error", ""))[:200])
            return await replay(desk.endpoints, client, letter_id)


async def recon_report(desk: OpsDesk, day: date) -> ReconReport:
    with translated(SourcesUnavailableError):
        documents, events = await gather_recon(desk.endpoints, day)
    now = desk.clock()
    return ReconReport(
        day, open_mismatches(open_cases(documents, now, None), now), day_of_events(events, day)
    )

"""Tickets in MongoDB: one document each, its outbox inside it, each write guarded by its version."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from contracts.events import MismatchKind
from servicekit.mongo import Document
from servicekit.store import AggregateStore
from support_desk.adapters.documents import LETTERS_PENDING, from_document, to_document
from support_desk.domain.cases import case_id_for
from support_desk.domain.states import TicketState
from support_desk.domain.ticket import Ticket

COLLECTION = "tickets"
LETTER_LEASE = timedelta(seconds=120)  # longer than sending a ticket's letters takes
_HIDDEN = {"outbox": 0, "letters_due": 0}  # for listings, which are never saved back
_SEARCHED = ("_id", "subject", "message", "payment_id", "customer.email", "customer.last_name")


@dataclass(frozen=True)
class TicketQuery:
    states: tuple[TicketState, ...] = ()
    category: str | None = None
    assignee: str | None = None
    overdue_at: datetime | None = None  # only tickets whose SLA clock ran out before this time
    text: str | None = None
    limit: int = 50
    skip: int = 0


class TicketRepository:
    def __init__(self, store: AggregateStore, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._clock = clock

    @asynccontextmanager
    async def lock(self, ticket_id: str) -> AsyncIterator[None]:
        """Hold while reading a ticket to change it, and while saving the change."""
        async with self._store.writing(ticket_id):
            yield

    async def add(self, ticket: Ticket) -> None:
        """DuplicateKeyError when a ticket with this id exists: how one case per payment holds."""
        await self._store.insert(
            to_document(ticket), self._store.envelopes(ticket.pending_events, self._clock())
        )

    async def get(self, ticket_id: str) -> Ticket | None:
        """The whole ticket, letters due included: a change saved from it keeps them."""
        document = await self._store.collection.find_one({"_id": ticket_id}, {"outbox": 0})
        return from_document(document) if document else None

    async def save(self, before: Ticket, after: Ticket) -> Ticket | None:
        """Writes `after` if the stored ticket is still `before`'s version; its events go with it.
        None when another writer changed it first: read it again and decide again."""
        saved = replace(after, version=before.version + 1)
        fields = to_document(saved)
        del fields["_id"]
        written = await self._store.update(
            before.id,
            {"version": before.version},
            {"$set": fields},
            self._store.envelopes(after.pending_events, self._clock()),
        )
        return replace(saved, pending_events=()) if written else None

    async def claim_letters(self, ticket_id: str) -> datetime | None:
        """Takes the sending of the ticket's due letters for a while, so one replica sends them."""
        return await self._store.claim(ticket_id, {LETTERS_PENDING: True}, "letters", LETTER_LEASE)

    async def release_letters(self, ticket_id: str, claimed_at: datetime) -> None:
        await self._store.release(ticket_id, "letters", claimed_at)

    async def find(self, query: TicketQuery) -> list[Ticket]:
        cursor = (
            self._store.collection.find(_filter(query), _HIDDEN)
            .sort("opened_at", -1)
            .skip(query.skip)
            .limit(query.limit)
        )
        return [from_document(document) async for document in cursor]

    async def cases_of(self, payment_id: str) -> list[Ticket]:
        """The automatic cases of a payment: their ids follow from it (one per kind), so this is
        one `_id` lookup, and no other ticket can be among them."""
        ids = [case_id_for(payment_id, kind.value) for kind in MismatchKind]
        cursor = self._store.collection.find({"_id": {"$in": ids}}, _HIDDEN)
        found = [from_document(document) async for document in cursor]
        return sorted(found, key=lambda ticket: ticket.opened_at)

    async def ids_with_letters_due(self, limit: int = 200) -> list[str]:
        cursor = self._store.collection.find({LETTERS_PENDING: True}, {"_id": 1}).limit(limit)
        return [document["_id"] async for document in cursor]


def _filter(query: TicketQuery) -> Document:
    conditions: list[Document] = []
    if query.states:
        conditions.append({"state": {"$in": [state.value for state in query.states]}})
    if query.category:
        conditions.append({"category": query.category})
    if query.assignee:
        conditions.append({"assignee": query.assignee})
    if query.overdue_at is not None:
        running = [state.value for state in TicketState if state.counts_against_sla()]
        conditions.append({"state": {"$in": running}, "due_at": {"$lt": query.overdue_at}})
    if query.text:
        pattern = re.escape(query.text)
        conditions.append(
            {"$or": [{name: {"$regex": pattern, "$options": "i"}} for name in _SEARCHED]}
        )
    return {"$and": conditions} if conditions else {}

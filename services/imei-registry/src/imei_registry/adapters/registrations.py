"""Registrations in MongoDB: one document each, its outbox inside it, each write state-guarded."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import fields, replace
from datetime import datetime, timedelta

from pymongo.asynchronous.collection import AsyncCollection

from contracts.money import Money
from imei_registry.domain.registration import Registration
from imei_registry.domain.states import RegistrationState
from servicekit.mongo import Document
from servicekit.store import AggregateStore

COLLECTION = "registrations"
MAIL_LEASE = timedelta(seconds=60)  # longer than one SMTP send takes
_HOLDING = [state.value for state in RegistrationState if state.holds_the_imei()]
_MOVING = [RegistrationState.SUBMITTING.value, RegistrationState.PENDING.value]
_SKIPPED = {"id", "paid", "state", "imeis", "pending_events"}


class RegistrationRepository:
    def __init__(self, store: AggregateStore, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._clock = clock

    @property
    def collection(self) -> AsyncCollection[Document]:
        """The documents themselves, outbox included (for reports and tests)."""
        return self._store.collection

    @asynccontextmanager
    async def lock(self, registration_id: str) -> AsyncIterator[None]:
        """Hold while reading a registration to change it, and while saving the change."""
        async with self._store.writing(registration_id):
            yield

    async def add(self, registration: Registration) -> None:
        """Stores a new registration with its first events; DuplicateKeyError if it exists."""
        await self._store.insert(
            to_document(registration),
            self._store.envelopes(registration.pending_events, self._clock()),
        )

    async def get(self, registration_id: str) -> Registration | None:
        document = await self._store.collection.find_one({"_id": registration_id}, {"outbox": 0})
        return from_document(document) if document else None

    async def save(self, before: Registration, after: Registration) -> bool:
        """Writes `after` if the stored one is still in `before`'s state; its events go with it.
        False when another writer moved it first: read it again and decide again."""
        changed = to_document(after)
        del changed["_id"]
        return await self._store.update(
            before.id,
            {"state": before.state.value},
            {"$set": changed},
            self._store.envelopes(after.pending_events, self._clock()),
        )

    async def claim_mail(self, registration_id: str) -> datetime | None:
        """Takes the sending of a due e-mail for a while, so one replica sends it."""
        return await self._store.claim(registration_id, {"email_due": True}, "mail", MAIL_LEASE)

    async def release_mail(self, registration_id: str, claimed_at: datetime) -> None:
        await self._store.release(registration_id, "mail", claimed_at)

    async def of_imeis(self, imeis: Sequence[str], holding_only: bool) -> list[Registration]:
        query: Document = {"imeis": {"$in": list(imeis)}}
        if holding_only:
            query["state"] = {"$in": _HOLDING}
        cursor = self._store.collection.find(query, {"outbox": 0}).limit(50)
        return [from_document(document) async for document in cursor]

    async def due(self, now: datetime, limit: int = 200) -> list[str]:
        """Ids that need a call to the registry now, or an e-mail sent."""
        query = {
            "$or": [
                {"state": {"$in": _MOVING}, "next_action_at": {"$lte": now}},
                {"email_due": True},
            ]
        }
        cursor = self._store.collection.find(query, {"_id": 1}).limit(limit)
        return [document["_id"] async for document in cursor]


def to_document(registration: Registration) -> Document:
    document: Document = {
        "_id": registration.id,
        "state": registration.state.value,
        "imeis": list(registration.imeis),
        "paid_qepik": registration.paid.qepik,
    }
    for item in fields(registration):
        if item.name not in _SKIPPED:
            document[item.name] = getattr(registration, item.name)
    return document


def from_document(document: Document) -> Registration:
    known = {item.name for item in fields(Registration)} - _SKIPPED
    registration = Registration(
        id=document["_id"],
        paid=Money(qepik=document["paid_qepik"]),
        imeis=tuple(document["imeis"]),
        state=RegistrationState(document["state"]),
        **{name: document[name] for name in known if name in document},
    )
    return replace(registration, pending_events=())

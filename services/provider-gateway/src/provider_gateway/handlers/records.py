"""The `activations` aggregate: one document per payment id, its outcome event in the same write.

Inserting the document is the idempotency guard (`_id` is the payment id and unique inserts are
atomic even on FerretDB): a second card-debited for the same payment finds it and pays nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pymongo.errors import DuplicateKeyError

from contracts.envelope import Envelope
from contracts.events import EventData
from provider_gateway.domain.activation import ActivationState, Answer, Call
from provider_gateway.domain.outcomes import (
    ActivationJob,
    ActivationResult,
    failed_result,
    outcome_event,
)
from provider_gateway.handlers.clock import Clock
from servicekit.mongo import Document
from servicekit.store import AggregateStore

_IN_PROGRESS = {"state": ActivationState.IN_PROGRESS.value}


class ActivationRecords:
    def __init__(
        self, store: AggregateStore, clock: Clock, new_event_id: Callable[[], str]
    ) -> None:
        self._store = store
        self._clock = clock
        self._new_event_id = new_event_id

    async def open(self, job: ActivationJob) -> bool:
        """Records the start of an activation; False when this payment already has one."""
        document = {**_job_fields(job), **_IN_PROGRESS}
        document |= {"started_at": self._clock.now(), "calls": 0, "last_answer": None}
        return await self._insert(document, [])

    async def refuse_at_once(self, job: ActivationJob, code: str, reason: str) -> bool:
        """Records an activation that failed before any call (e.g. a service we do not know)."""
        now = self._clock.now()
        event = outcome_event(job, failed_result(job, code, reason), now)
        document = {**_job_fields(job), "state": ActivationState.FAILED.value}
        document |= {"started_at": now, "finished_at": now, "provider_code": code, "reason": reason}
        return await self._insert(document, [self._wrap(event, job.correlation_id)])

    async def find(self, payment_id: str) -> Document | None:
        return await self._store.collection.find_one({"_id": payment_id}, {"outbox": 0})

    async def unfinished(self) -> list[ActivationJob]:
        """Activations a previous run left in progress; they resume by asking `status` first."""
        cursor = self._store.collection.find(_IN_PROGRESS, {"outbox": 0})
        return [_job_of(document) async for document in cursor]

    async def note_answer(
        self, job: ActivationJob, call: Call, answer: Answer, description: str
    ) -> None:
        """Keeps the latest provider answer on the document, for specialists and for resuming.
        Guarded by `in_progress`: once another replica finished it, there is nothing to note."""
        async with self._store.writing(job.payment_id):
            await self._store.update(
                job.payment_id,
                _IN_PROGRESS,
                {
                    "$inc": {"calls": 1},
                    "$set": {
                        "last_answer": description[:500],
                        "last_answer_at": self._clock.now(),
                        "last_call": call.value,
                        "last_state": answer.value,
                    },
                },
                [],
            )

    async def finish(self, job: ActivationJob, result: ActivationResult) -> bool:
        """Stores the outcome and its event in one write; False if it was already finished.

        Two replicas may run the same activation (both resume it at start); the write is guarded
        by `in_progress`, so only the first outcome is stored and only one `provider-activated`
        or `activation-failed` is ever emitted. Nothing is read first: the job carries what the
        event needs, and the guard alone decides (a write that matched nothing found the
        activation finished, or gone)."""
        now = self._clock.now()
        event = outcome_event(job, result, now)
        fields: dict[str, Any] = {
            "state": result.state.value,
            "finished_at": now,
            "provider_code": result.code[:32],
            "reason": result.reason[:500],
            "provider_reference": result.provider_reference,
            "activated_amount_qepik": result.amount_qepik,
        }
        async with self._store.writing(job.payment_id):
            return await self._store.update(
                job.payment_id,
                _IN_PROGRESS,
                {"$set": fields},
                [self._wrap(event, job.correlation_id)],
            )

    async def _insert(self, document: Document, events: list[Envelope]) -> bool:
        async with self._store.writing(document["_id"]):
            try:
                await self._store.insert(document, events)
            except DuplicateKeyError:
                return False
        return True

    def _wrap(self, event: EventData, correlation_id: str | None) -> Envelope:
        return Envelope.wrap(
            event,
            event_id=self._new_event_id(),
            source=self._store.source,
            time=self._clock.now(),
            correlation_id=correlation_id,
        )


def _job_fields(job: ActivationJob) -> Document:
    return {
        "_id": job.payment_id,
        "service_id": job.service_id,
        "account": job.account,
        "amount_qepik": job.amount_qepik,
        "deadline_at": job.deadline_at,
        "correlation_id": job.correlation_id,
    }


def _job_of(document: Document) -> ActivationJob:
    return ActivationJob(
        payment_id=document["_id"],
        service_id=document["service_id"],
        account=document["account"],
        amount_qepik=document["amount_qepik"],
        deadline_at=document["deadline_at"],
        first_call=Call.STATUS,
        correlation_id=document.get("correlation_id"),
    )

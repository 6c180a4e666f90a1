"""Payments in MongoDB: one document each, its outbox inside it, each write guarded by its state."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import asdict, replace
from datetime import datetime, timedelta
from typing import Any

from checkout.domain.payment import Payment, Transition
from checkout.domain.service_label import ServiceLabel
from checkout.domain.states import PaymentState
from checkout.metrics import observe_move
from contracts.events import DeclineReason, Language
from contracts.money import Money
from servicekit.mongo import Document
from servicekit.store import AggregateStore

COLLECTION = "payments"
MAIL_LEASE = timedelta(seconds=60)  # longer than one SMTP send takes


class PaymentRepository:
    def __init__(self, store: AggregateStore, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._clock = clock

    @asynccontextmanager
    async def lock(self, payment_id: str) -> AsyncIterator[None]:
        """Hold while reading a payment to change it, and while saving the change (saves work in
        this process; `save`'s guard is what holds against the other replica)."""
        async with self._store.writing(payment_id):
            yield

    async def add(self, payment: Payment) -> None:
        await self._store.insert(
            to_document(payment), self._store.envelopes(payment.pending_events, self._clock())
        )
        observe_move(None, payment)

    async def get(self, payment_id: str) -> Payment | None:
        document = await self._store.collection.find_one({"_id": payment_id}, {"outbox": 0})
        return from_document(document) if document else None

    async def save(self, before: Payment, after: Payment) -> bool:
        """Writes `after` if the stored payment is still in `before`'s state; events go with it.
        False when another writer moved it first: read it again and decide again."""
        fields = to_document(after)
        del fields["_id"]
        written = await self._store.update(
            before.id,
            {"state": before.state.value},
            {"$set": fields},
            self._store.envelopes(after.pending_events, self._clock()),
        )
        if written:
            observe_move(before, after)
        return written

    async def claim_mail(self, payment_id: str, mail: str) -> datetime | None:
        """Takes the sending of a mail the payment owes (`receipt`, `refund_mail`: its flag is
        `<mail>_due`) for a while, so one replica sends it."""
        return await self._store.claim(payment_id, {f"{mail}_due": True}, mail, MAIL_LEASE)

    async def release_mail(self, payment_id: str, mail: str, claimed_at: datetime) -> None:
        await self._store.release(payment_id, mail, claimed_at)

    async def find_states(
        self, query: Document, limit: int = 500
    ) -> list[tuple[str, PaymentState]]:
        cursor = self._store.collection.find(query, {"_id": 1, "state": 1}).limit(limit)
        return [(document["_id"], PaymentState(document["state"])) async for document in cursor]


def to_document(payment: Payment) -> Document:
    return {
        "_id": payment.id,
        "service_id": payment.service_id,
        "account": payment.account,
        "amount_qepik": payment.amount.qepik,
        "fee_qepik": payment.fee.qepik,
        "total_qepik": payment.total.qepik,
        "email": payment.email,
        "created_at": payment.created_at,
        "expires_at": payment.expires_at,
        "state": payment.state.value,
        "history": [
            {"state": step.state.value, "at": step.at, "reason": step.reason, "detail": step.detail}
            for step in payment.history
        ],
        "payment_page_url": payment.payment_page_url,
        "bank_reference": payment.bank_reference,
        "decline_reason": payment.decline_reason.value if payment.decline_reason else None,
        "provider_transaction_id": payment.provider_transaction_id,
        "failure": payment.failure,
        "refund_reference": payment.refund_reference,
        "receipt_due": payment.receipt_due,
        "language": payment.language,
        "refund_mail_due": payment.refund_mail_due,
        "late_refund_at": payment.late_refund_at,
        "service_label": asdict(payment.service_label) if payment.service_label else None,
    }


def _language(stored: Any) -> Language:
    """Payments stored before the language was kept were made in the portal's default, az."""
    return stored if stored in ("az", "en", "ru") else "az"


def from_document(document: Document) -> Payment:
    decline: Any = document.get("decline_reason")
    payment = Payment(
        id=document["_id"],
        service_id=document["service_id"],
        account=document["account"],
        amount=Money(qepik=document["amount_qepik"]),
        fee=Money(qepik=document["fee_qepik"]),
        total=Money(qepik=document["total_qepik"]),
        email=document.get("email"),
        created_at=document["created_at"],
        expires_at=document["expires_at"],
        state=PaymentState(document["state"]),
        history=tuple(
            Transition(PaymentState(step["state"]), step["at"], step["reason"], step.get("detail"))
            for step in document.get("history", [])
        ),
        payment_page_url=document.get("payment_page_url"),
        bank_reference=document.get("bank_reference"),
        decline_reason=DeclineReason(decline) if decline else None,
        provider_transaction_id=document.get("provider_transaction_id"),
        failure=document.get("failure"),
        refund_reference=document.get("refund_reference"),
        receipt_due=bool(document.get("receipt_due")),
        language=_language(document.get("language")),
        refund_mail_due=bool(document.get("refund_mail_due")),
        late_refund_at=document.get("late_refund_at"),
        service_label=_label(document.get("service_label")),
    )
    return replace(payment, pending_events=())


def _label(stored: Document | None) -> ServiceLabel | None:
    return ServiceLabel(**stored) if stored else None  # payments made before names were kept

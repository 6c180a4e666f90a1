"""The registration aggregate: one per paid IMEI payment, moved by the registry's answers.

Each transition appends the events it causes; the repository stores them in the same write as
the new state (the outbox), so checkout hears `provider-activated` exactly when the registry
accepted, and `activation-failed` (a refund) exactly when nothing will be registered.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from contracts.events import (
    ActivationFailed,
    EventData,
    ImeiRegistered,
    ImeiRegistrationRejected,
    ImeiRegistrationRequested,
    Language,
    ProviderActivated,
)
from contracts.ids import make_id
from contracts.money import Money
from imei_registry.domain.quote import IMEI_SERVICE_ID
from imei_registry.domain.states import RegistrationState, guard

REGISTRY_UNAVAILABLE = "registry_unavailable"


def registration_id_for(payment_id: str, debited_at: datetime) -> str:
    """The same id every time the same debit is handled, so inserting it twice is refused."""
    return make_id("imr", debited_at, hashlib.sha256(payment_id.encode()).digest()[:10])


@dataclass(frozen=True)
class Registration:
    id: str
    payment_id: str
    quote_id: str
    imeis: tuple[str, ...]
    brand: str | None
    model: str | None
    paid: Money
    email: str | None
    created_at: datetime
    submit_deadline: datetime
    state: RegistrationState = RegistrationState.SUBMITTING
    next_action_at: datetime | None = None
    attempts: int = 0
    registry_reference: str | None = None
    registered_at: datetime | None = None
    failure_code: str | None = None
    failure_reason: str | None = None
    email_due: bool = False
    language: Language | None = None  # the quote's: the registered e-mail is written in it
    pending_events: tuple[EventData, ...] = field(default=(), compare=False)

    def _move(self, target: RegistrationState, *events: EventData, **changes: Any) -> Registration:
        guard(self.id, self.state, target)
        return replace(
            self, state=target, pending_events=(*self.pending_events, *events), **changes
        )

    def accept(self, reference: str, now: datetime, poll_at: datetime) -> Registration:
        """The registry took it: the payment is done for checkout; completion comes later."""
        return self._move(
            RegistrationState.PENDING,
            *self._accepted_events(reference, now),
            registry_reference=reference,
            attempts=0,
            next_action_at=poll_at,
        )

    def complete(self, reference: str, registered_at: datetime, now: datetime) -> Registration:
        accepted = self._accepted_events(reference, now)
        events = accepted if self.state is RegistrationState.SUBMITTING else ()
        done = ImeiRegistered(
            registration_id=self.id,
            payment_id=self.payment_id,
            imeis=self.imeis,
            registered_at=registered_at,
        )
        return self._move(
            RegistrationState.REGISTERED,
            *events,
            done,
            registry_reference=reference,
            registered_at=registered_at,
            next_action_at=None,
            email_due=self.email is not None,
        )

    def reject(self, code: str, reason: str, now: datetime) -> Registration:
        """Refused by the registry. Before acceptance the payment is refunded; after it, checkout
        has completed the payment already, so only the registry's refusal is told."""
        rejected = ImeiRegistrationRejected(
            registration_id=self.id,
            payment_id=self.payment_id,
            imeis=self.imeis,
            registry_code=code[:32],
            reason=reason[:500],
            rejected_at=now,
        )
        refund = (self._failed(code, reason, now),)
        events = refund if self.state is RegistrationState.SUBMITTING else ()
        return self._move(
            RegistrationState.REJECTED,
            *events,
            rejected,
            failure_code=code,
            failure_reason=reason,
            next_action_at=None,
        )

    def give_up(self, now: datetime) -> Registration:
        reason = "The MCQS registry could not be reached in time; nothing was registered."
        return self._move(
            RegistrationState.FAILED,
            self._failed(REGISTRY_UNAVAILABLE, reason, now),
            failure_code=REGISTRY_UNAVAILABLE,
            failure_reason=reason,
            next_action_at=None,
        )

    def retry_at(self, when: datetime) -> Registration:
        return replace(self, attempts=self.attempts + 1, next_action_at=when)

    def mail_sent(self) -> Registration:
        return replace(self, email_due=False)

    def _accepted_events(self, reference: str, now: datetime) -> tuple[EventData, ...]:
        activated = ProviderActivated(
            payment_id=self.payment_id,
            service_id=IMEI_SERVICE_ID,
            amount=self.paid,
            provider_transaction_id=reference[:64],
            activated_at=now,
        )
        requested = ImeiRegistrationRequested(
            registration_id=self.id,
            payment_id=self.payment_id,
            imeis=self.imeis,
            brand=self.brand,
            model=self.model,
            requested_at=now,
        )
        return activated, requested

    def _failed(self, code: str, reason: str, now: datetime) -> ActivationFailed:
        return ActivationFailed(
            payment_id=self.payment_id,
            service_id=IMEI_SERVICE_ID,
            provider_code=code[:32],
            reason=reason[:500],
            failed_at=now,
        )

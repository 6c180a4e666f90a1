"""The payment aggregate: its facts, its history, and the guarded transitions that append events."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from checkout.domain.service_label import ServiceLabel
from checkout.domain.states import PaymentState, TransitionRefusedError
from contracts.events import (
    CardDebited,
    CardDeclined,
    DeclineReason,
    EventData,
    Language,
    PaymentCompleted,
    PaymentExpired,
    PaymentRefunded,
    RefundRequested,
)
from contracts.money import Money


@dataclass(frozen=True)
class Transition:
    """One step of the payment's story: where it went, when, and why (a reason code)."""

    state: PaymentState
    at: datetime
    reason: str
    detail: str | None = None


@dataclass(frozen=True)
class Payment:
    id: str
    service_id: str
    account: str
    amount: Money
    fee: Money
    total: Money
    email: str | None
    created_at: datetime
    expires_at: datetime
    state: PaymentState = PaymentState.INITIATED
    history: tuple[Transition, ...] = ()
    payment_page_url: str | None = None
    bank_reference: str | None = None
    decline_reason: DeclineReason | None = None
    provider_transaction_id: str | None = None
    failure: str | None = None
    refund_reference: str | None = None
    receipt_due: bool = False
    language: Language = "az"  # the customer's: their e-mails are written in it
    refund_mail_due: bool = False
    late_refund_at: datetime | None = None  # a debit after expiry, sent back to the card then
    service_label: ServiceLabel | None = None  # None: the catalog could not name it at creation
    pending_events: tuple[EventData, ...] = field(default=(), compare=False)

    def _move(
        self,
        wanted: PaymentState,
        at: datetime,
        reason: str,
        detail: str | None = None,
        **changes: Any,
    ) -> Payment:
        self.ensure_may_enter(wanted)
        step = Transition(wanted, at, reason, detail)
        return replace(self, state=wanted, history=(*self.history, step), **changes)

    def ensure_may_enter(self, wanted: PaymentState) -> None:
        """The guard of every transition, for a handler that must ask it before acting outside
        (refunding at the bank comes before `refund`, which needs the bank's reference)."""
        if self.state not in wanted.allowed_from():
            raise TransitionRefusedError(self.id, self.state, wanted)

    def _with(self, event: EventData) -> Payment:
        return replace(self, pending_events=(*self.pending_events, event))

    def receipt_sent(self) -> Payment:
        return replace(self, receipt_due=False)

    def refund_mail_sent(self) -> Payment:
        return replace(self, refund_mail_due=False)

    def late_debit_refunded(self, refund_reference: str, at: datetime) -> Payment:
        """The card was debited after the page expired and the bank refunded it at once: the
        payment stays expired, and the customer is told of the refund like any other."""
        if self.refund_reference is not None:
            return self  # told already
        return replace(
            self,
            refund_reference=refund_reference,
            late_refund_at=at,
            refund_mail_due=self.email is not None,
        )

    def attach_card_page(self, url: str, expires_at: datetime) -> Payment:
        return replace(self, payment_page_url=url, expires_at=expires_at)

    def debit(self, bank_reference: str, total: Money, at: datetime) -> Payment:
        # The bank is the source of truth for money; a different amount is noted for people to see.
        detail = f"bank debited {total}, expected {self.total}" if total != self.total else None
        moved = self._move(
            PaymentState.DEBITED, at, "card_debited", detail, bank_reference=bank_reference
        )
        return moved._with(
            CardDebited(
                payment_id=self.id,
                service_id=self.service_id,
                account=self.account,
                amount=self.amount,
                total=total,
                bank_reference=bank_reference,
                debited_at=at,
            )
        )

    def decline(self, reason: DeclineReason, bank_code: str, at: datetime) -> Payment:
        moved = self._move(PaymentState.DECLINED, at, reason.value, decline_reason=reason)
        return moved._with(
            CardDeclined(payment_id=self.id, reason=reason, bank_code=bank_code, declined_at=at)
        )

    def expire(self, at: datetime) -> Payment:
        moved = self._move(PaymentState.EXPIRED, at, "card_page_timed_out")
        return moved._with(PaymentExpired(payment_id=self.id, expired_at=at))

    def complete(
        self, provider_transaction_id: str, at: datetime, by_hand: str | None = None
    ) -> Payment:
        """`by_hand`: who confirmed the provider's word by hand, and their note."""
        moved = self._move(
            PaymentState.COMPLETED,
            at,
            "confirmed_by_hand" if by_hand else "provider_activated",
            by_hand,
            provider_transaction_id=provider_transaction_id,
            receipt_due=self.email is not None,
        )
        return moved._with(
            PaymentCompleted(
                payment_id=self.id,
                service_id=self.service_id,
                amount=self.amount,
                provider_transaction_id=provider_transaction_id,
                completed_at=at,
            )
        )

    def fail_activation(self, provider_code: str, reason: str, at: datetime) -> Payment:
        moved = self._move(
            PaymentState.REFUND_PENDING,
            at,
            "activation_failed",
            f"{reason} (provider code {provider_code})",
            failure=reason,
        )
        return moved._with(
            RefundRequested(payment_id=self.id, total=self.total, reason=reason, requested_at=at)
        )

    def order_refund(self, ordered_by: str, at: datetime) -> Payment:
        """A specialist ordered the refund on the payment's case (`ordered_by`: who, the case,
        the note); the bank is asked next, as for a failed activation."""
        moved = self._move(PaymentState.REFUND_PENDING, at, "refund_ordered", ordered_by)
        reason = f"ordered on a case: {ordered_by}"[:500]
        return moved._with(
            RefundRequested(payment_id=self.id, total=self.total, reason=reason, requested_at=at)
        )

    def refund(self, refund_reference: str, at: datetime) -> Payment:
        moved = self._move(
            PaymentState.REFUNDED,
            at,
            "refunded",
            refund_reference=refund_reference,
            refund_mail_due=self.email is not None,  # every refund is told, whatever its reason
        )
        return moved._with(
            PaymentRefunded(
                payment_id=self.id,
                total=self.total,
                bank_refund_reference=refund_reference,
                refunded_at=at,
            )
        )

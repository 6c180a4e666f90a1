"""One order at the bank: its card-page session, the outcome, and the money refunded since."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sandboxes.bank.cards import APPROVED_BANK_CODE, DeclineReason


class TransactionStatus(StrEnum):
    PENDING = "pending"
    DEBITED = "debited"
    DECLINED = "declined"
    EXPIRED = "expired"
    REFUNDED = "refunded"

    @property
    def is_decided(self) -> bool:
        return self is not TransactionStatus.PENDING

    @property
    def moved_money(self) -> bool:
        return self in (TransactionStatus.DEBITED, TransactionStatus.REFUNDED)


class BankConflict(Exception):
    """The bank refuses an operation in the state the order is in (answered 409)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Transaction:
    session_id: str
    order_id: str
    amount_qepik: int
    currency: str
    description: str
    return_url: str
    callback_url: str
    language: str
    expires_at: datetime
    status: TransactionStatus = TransactionStatus.PENDING
    bank_reference: str | None = None
    decline_reason: DeclineReason | None = None
    decided_at: datetime | None = None
    card_last4: str | None = None
    # Set while a 3-D Secure code is awaited: the last digits of the card being challenged.
    challenge_last4: str | None = None
    refunded_qepik: int = 0
    # Injected faults (`_control/faults`): the card charged more than the session asked, and a
    # second booking of the same debit under its own reference in the settlement report.
    overcharge_qepik: int = 0
    second_booking_reference: str | None = None

    @property
    def charged_qepik(self) -> int:
        """What the card was charged: the session's amount, unless a fault took more."""
        return self.amount_qepik + self.overcharge_qepik if self.status.moved_money else 0

    @property
    def bank_code(self) -> str | None:
        if self.decline_reason is not None:
            return self.decline_reason.bank_code
        return APPROVED_BANK_CODE if self.status.moved_money else None

    def expire_if_due(self, now: datetime) -> None:
        if self.status is TransactionStatus.PENDING and now >= self.expires_at:
            self.status = TransactionStatus.EXPIRED
            self.challenge_last4 = None

    def begin_three_ds(self, card_last4: str) -> None:
        """Holds the card until the 3-D Secure code arrives; a new card replaces the challenge."""
        self._require_pending()
        self.challenge_last4 = card_last4

    def decide(
        self, decline_reason: DeclineReason | None, card_last4: str, reference: str, now: datetime
    ) -> None:
        """Debits the card (no reason) or declines it; only a pending session can be decided."""
        self._require_pending()
        self.status = TransactionStatus.DECLINED if decline_reason else TransactionStatus.DEBITED
        self.decline_reason = decline_reason
        self.bank_reference = reference
        self.decided_at = now
        self.card_last4 = card_last4
        self.challenge_last4 = None

    def _require_pending(self) -> None:
        if self.status is not TransactionStatus.PENDING:
            raise BankConflict(
                "already_decided", f"order is {self.status}; a card is accepted only while pending"
            )

    def refund(self, amount_qepik: int) -> None:
        if not self.status.moved_money:
            raise BankConflict(
                "not_debited", f"order is {self.status}; only a debited order can be refunded"
            )
        if self.refunded_qepik + amount_qepik > self.charged_qepik:
            left = self.charged_qepik - self.refunded_qepik
            raise BankConflict(
                "refund_exceeds_debit", f"{amount_qepik} qəpik asked, {left} left to refund"
            )
        self.refunded_qepik += amount_qepik
        if self.refunded_qepik == self.charged_qepik:
            self.status = TransactionStatus.REFUNDED

    def status_body(self) -> dict[str, Any]:
        """`GET /transactions/{order_id}`: optional fields appear only once they have a value."""
        body: dict[str, Any] = {
            "order_id": self.order_id,
            "session_id": self.session_id,
            "status": str(self.status),
            "amount_qepik": self.charged_qepik or self.amount_qepik,
            "refunded_qepik": self.refunded_qepik,
        }
        optional = {
            "bank_reference": self.bank_reference,
            "decline_reason": str(self.decline_reason) if self.decline_reason else None,
            "bank_code": self.bank_code,
        }
        body.update({key: value for key, value in optional.items() if value is not None})
        return body

    def callback_body(self, event_id: str) -> dict[str, Any]:
        assert self.status.is_decided and self.decided_at is not None
        return {
            "event_id": event_id,
            "session_id": self.session_id,
            "order_id": self.order_id,
            "status": "declined" if self.decline_reason else "debited",
            "amount_qepik": self.charged_qepik or self.amount_qepik,
            "bank_reference": self.bank_reference,
            "decline_reason": str(self.decline_reason) if self.decline_reason else None,
            "bank_code": self.bank_code,
            "occurred_at": self.decided_at.isoformat(),
        }

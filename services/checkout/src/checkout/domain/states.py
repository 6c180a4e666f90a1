"""The payment's states and which state each one may be entered from."""

from __future__ import annotations

from enum import StrEnum
from typing import assert_never


class PaymentState(StrEnum):
    INITIATED = "initiated"  # waiting for the customer on the bank's card page
    DEBITED = "debited"  # the bank took the money; the provider is being paid
    DECLINED = "declined"  # the bank refused the card; no money moved
    EXPIRED = "expired"  # the card page's time ran out; no money moved
    COMPLETED = "completed"  # the provider activated the service
    REFUND_PENDING = "refund_pending"  # the provider failed for good; money is going back
    REFUNDED = "refunded"  # the money is back on the card

    def is_terminal(self) -> bool:
        match self:
            case PaymentState.DECLINED | PaymentState.EXPIRED:
                return True
            case PaymentState.COMPLETED | PaymentState.REFUNDED:
                return True
            case PaymentState.INITIATED | PaymentState.DEBITED | PaymentState.REFUND_PENDING:
                return False
            case _:
                assert_never(self)

    def allowed_from(self) -> frozenset[PaymentState]:
        """The states a payment may be in to enter this one."""
        match self:
            case PaymentState.INITIATED:
                return frozenset()
            case PaymentState.DEBITED | PaymentState.DECLINED | PaymentState.EXPIRED:
                return frozenset({PaymentState.INITIATED})
            case PaymentState.COMPLETED | PaymentState.REFUND_PENDING:
                return frozenset({PaymentState.DEBITED})
            case PaymentState.REFUNDED:
                return frozenset({PaymentState.REFUND_PENDING})
            case _:
                assert_never(self)


class TransitionRefusedError(Exception):
    """A transition asked from a state it cannot start from; says where the payment is."""

    def __init__(self, payment_id: str, current: PaymentState, wanted: PaymentState) -> None:
        allowed = ", ".join(sorted(state.value for state in wanted.allowed_from())) or "nowhere"
        super().__init__(
            f"{payment_id} is {current.value}; {wanted.value} can only follow {allowed}"
        )
        self.current = current
        self.wanted = wanted

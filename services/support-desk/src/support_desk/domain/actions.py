"""What a specialist can do to an automatic case, and where each such action stands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import assert_never


class ActionKind(StrEnum):
    ASK_PROVIDER = "ask_provider"  # provider-gateway asks the provider's status now
    RETRY_ACTIVATION = "retry_activation"  # the same transaction id again: it cannot pay twice
    REFUND = "refund"  # checkout refunds the payment's total at the bank
    CONFIRM_ACTIVATED = "confirm_activated"  # the provider's own word, read by a supervisor

    def supervisors_only(self) -> bool:
        """Confirming by hand records money as delivered on a person's word: a supervisor's."""
        match self:
            case ActionKind.CONFIRM_ACTIVATED:
                return True
            case ActionKind.ASK_PROVIDER | ActionKind.RETRY_ACTIVATION | ActionKind.REFUND:
                return False
            case _:
                assert_never(self)

    def settles_the_money(self) -> bool:
        """Refund and confirmation each end the payment one way: never both on one case."""
        match self:
            case ActionKind.REFUND | ActionKind.CONFIRM_ACTIVATED:
                return True
            case ActionKind.ASK_PROVIDER | ActionKind.RETRY_ACTIVATION:
                return False
            case _:
                assert_never(self)


class ActionState(StrEnum):
    AWAITING_APPROVAL = "awaiting_approval"  # a large refund: a second supervisor must approve
    ORDERED = "ordered"  # published; the case clears when the payment's facts settle


@dataclass(frozen=True)
class CaseAction:
    id: str
    key: str  # the Idempotency-Key it was asked with: a repeat finds it and changes nothing
    kind: ActionKind
    by: str
    note: str
    requested_at: datetime
    state: ActionState
    provider_reference: str | None = None
    approved_by: str | None = None
    approved_at: datetime | None = None


@dataclass(frozen=True)
class ActionRequest:
    key: str
    kind: ActionKind
    note: str
    provider_reference: str | None = None

    def same_as(self, action: CaseAction) -> bool:
        return (self.kind, self.note, self.provider_reference) == (
            action.kind,
            action.note,
            action.provider_reference,
        )

"""The activation's states and which state each one may be entered from."""

from __future__ import annotations

from enum import StrEnum
from typing import assert_never


class ActivationState(StrEnum):
    IN_PROGRESS = "in_progress"  # paying the provider, or asking it how the payment went
    UNKNOWN = "unknown"  # the deadline passed without a final answer: asked again on a schedule
    ACTIVATED = "activated"  # the provider confirmed the payment
    FAILED = "failed"  # the provider refused it for good, or never received it

    def is_terminal(self) -> bool:
        match self:
            case ActivationState.IN_PROGRESS | ActivationState.UNKNOWN:
                return False
            case ActivationState.ACTIVATED | ActivationState.FAILED:
                return True
            case unreachable:
                assert_never(unreachable)

    def allowed_from(self) -> frozenset[ActivationState]:
        """The states an activation may be in to enter this one (an activation begins in
        progress, or failed at once when its service is unknown)."""
        match self:
            case ActivationState.IN_PROGRESS:  # another answer noted; a person's retry
                return frozenset({ActivationState.IN_PROGRESS, ActivationState.UNKNOWN})
            case ActivationState.UNKNOWN:  # at the deadline, then after each check that ends open
                return frozenset({ActivationState.IN_PROGRESS, ActivationState.UNKNOWN})
            case ActivationState.ACTIVATED | ActivationState.FAILED:
                return frozenset({ActivationState.IN_PROGRESS, ActivationState.UNKNOWN})
            case unreachable:
                assert_never(unreachable)


class TransitionRefusedError(Exception):
    """A transition asked from a state it cannot start from; says where the activation is."""

    def __init__(
        self,
        payment_id: str,
        current: ActivationState,
        wanted: ActivationState,
        allowed_from: frozenset[ActivationState] | None = None,
    ) -> None:
        """`allowed_from` when one transition into `wanted` starts from fewer states."""
        starts = wanted.allowed_from() if allowed_from is None else allowed_from
        allowed = ", ".join(sorted(state.value for state in starts)) or "nowhere"
        super().__init__(
            f"activation of {payment_id} is {current.value}; {wanted.value} can only follow {allowed}"
        )
        self.current = current
        self.wanted = wanted

"""The states of a registration and the rules each state carries."""

from __future__ import annotations

from enum import StrEnum
from typing import assert_never


class RegistrationState(StrEnum):
    SUBMITTING = "submitting"  # paid; being handed to the registry (retried while it is away)
    PENDING = "pending"  # the registry accepted it; it completes later (up to 24 h)
    REGISTERED = "registered"
    REJECTED = "rejected"  # the registry refused it
    REFUSED = "refused"  # we refused the payment: unknown/expired/used quote, wrong amount
    FAILED = "failed"  # the registry could not be reached before the deadline

    def is_terminal(self) -> bool:
        match self:
            case RegistrationState.SUBMITTING | RegistrationState.PENDING:
                return False
            case (
                RegistrationState.REGISTERED
                | RegistrationState.REJECTED
                | RegistrationState.REFUSED
                | RegistrationState.FAILED
            ):
                return True
            case unreachable:
                assert_never(unreachable)

    def allowed_from(self) -> frozenset[RegistrationState]:
        """The states a registration may be in just before it enters this one."""
        match self:
            case RegistrationState.SUBMITTING | RegistrationState.REFUSED:
                return frozenset()  # where registrations begin
            case RegistrationState.PENDING | RegistrationState.FAILED:
                return frozenset({RegistrationState.SUBMITTING})
            case RegistrationState.REGISTERED | RegistrationState.REJECTED:
                return frozenset({RegistrationState.SUBMITTING, RegistrationState.PENDING})
            case unreachable:
                assert_never(unreachable)

    def holds_the_imei(self) -> bool:
        """Whether a registration in this state stands for the device at the registry."""
        return self in (
            RegistrationState.SUBMITTING,
            RegistrationState.PENDING,
            RegistrationState.REGISTERED,
        )


class TransitionError(ValueError):
    """A change asked of a registration in a state it cannot come from."""

    def __init__(self, registration_id: str, current: RegistrationState, wanted: str) -> None:
        allowed = sorted(state.value for state in RegistrationState(wanted).allowed_from())
        super().__init__(
            f"registration {registration_id} is {current.value}; {wanted} only follows {allowed}"
        )


def guard(registration_id: str, current: RegistrationState, target: RegistrationState) -> None:
    if current not in target.allowed_from():
        raise TransitionError(registration_id, current, target.value)

"""Faults injected per service_id through the control API (protocols.md §2, fault injection).

Counts (`timeouts`, `errors_5xx`, `unknown_outcome`) each apply to the next N `pay` calls,
independently: a call hit by `unknown_outcome` records the payment and then loses the answer —
by hanging when `timeouts` also hits it, by a 500 otherwise. The rest hold until cleared.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field


class Faults(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    latency_ms: int = Field(default=0, ge=0)
    timeouts: int = Field(default=0, ge=0)
    errors_5xx: int = Field(default=0, ge=0)
    unknown_outcome: int = Field(default=0, ge=0)
    complete_after_seconds: float = Field(default=0, ge=0)
    reject_code: int | None = Field(default=None, ge=1)
    lookup_down: bool = False


@dataclass(frozen=True)
class InjectedFailure:
    """How the next pay call goes wrong."""

    records_payment: bool  # the provider did the work; only the answer is lost
    hangs: bool  # no answer within any client's patience; otherwise a 500


def take_pay_failure(faults: Faults) -> tuple[InjectedFailure | None, Faults]:
    """The failure for one pay call, and the faults left for the calls after it."""
    hangs, fails, unknown = faults.timeouts > 0, faults.errors_5xx > 0, faults.unknown_outcome > 0
    remaining = faults.model_copy(
        update={
            "timeouts": max(faults.timeouts - 1, 0),
            "errors_5xx": max(faults.errors_5xx - 1, 0),
            "unknown_outcome": max(faults.unknown_outcome - 1, 0),
        }
    )
    if not (hangs or fails or unknown):
        return None, remaining
    return InjectedFailure(records_payment=unknown, hangs=hangs), remaining

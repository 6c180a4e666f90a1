"""The one interface every provider protocol adapter offers to the rest of provider-gateway.

Adapters translate; they decide nothing. Retries, deadlines and the circuit breaker live in the
activation handler, which only sees these types.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class PayState(StrEnum):
    COMPLETED = "completed"  # the provider activated the service
    PENDING = "pending"  # accepted, not final yet: ask `status` later
    REJECTED = "rejected"  # final refusal; `code` says why
    NOT_FOUND = "not_found"  # `status` only: the provider never saw this transaction


@dataclass(frozen=True)
class PayOutcome:
    state: PayState
    code: str
    message: str
    provider_reference: str | None = None
    amount_qepik: int | None = None


@dataclass(frozen=True)
class AccountInfo:
    """What the provider tells about an account, passed on as the provider sent it."""

    account: str
    holder: str | None
    balance_qepik: int | None = None
    debt_qepik: int | None = None
    min_qepik: int | None = None
    max_qepik: int | None = None


class ProviderError(Exception):
    """Base of what an adapter raises; never a raw httpx error."""


class ProviderUnavailableError(ProviderError):
    """Connection refused, 5xx, a retryable protocol code, or a timeout: the outcome is unknown."""

    def __init__(
        self, message: str, *, timed_out: bool = False, retry_after: float | None = None
    ) -> None:
        super().__init__(message)
        self.timed_out = timed_out
        self.retry_after = retry_after


class AccountNotFoundError(ProviderError):
    """The provider has no such account."""


class InvalidAccountError(ProviderError):
    """The provider refuses the account's format."""


class ProviderAdapter(Protocol):
    """One protocol family. `service_id` selects the provider endpoint within the family."""

    async def lookup(self, service_id: str, account: str) -> AccountInfo: ...

    async def pay(
        self, service_id: str, transaction_id: str, account: str, amount_qepik: int
    ) -> PayOutcome: ...

    async def status(self, service_id: str, transaction_id: str) -> PayOutcome: ...

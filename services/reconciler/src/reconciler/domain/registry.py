"""The providers' registry of one day against the activations we recorded: what differs.

A provider lists the payments it completed that UTC day; we expect there every payment a provider
activated for us that day (through provider-gateway). The next day's registry, when there is one,
excuses an activation near midnight that the provider booked a moment later.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from contracts.events import MismatchKind


@dataclass(frozen=True)
class RegistryRow:
    """`txn_id;prv_txn;service_id;account;sum;txn_date` — `sum` read exactly into qəpik."""

    txn_id: str
    provider_reference: str
    service_id: str
    account: str
    amount_qepik: int
    at: datetime


@dataclass(frozen=True)
class OurActivation:
    service_id: str
    amount_qepik: int
    at: datetime


@dataclass(frozen=True)
class ProviderFinding:
    payment_id: str
    kind: MismatchKind
    service_id: str
    at_provider: int | None  # qəpik, per the registry
    ours: int | None  # qəpik, per our `provider-activated`

    @property
    def at_stake(self) -> int:
        """The money the finding is about: the whole payment, or the difference."""
        if self.at_provider is not None and self.ours is not None:
            return abs(self.at_provider - self.ours)
        return self.at_provider or self.ours or 0


def compare_registry(
    day: date,
    registry: Iterable[RegistryRow],
    ours: Mapping[str, OurActivation],
    next_day: Iterable[RegistryRow] = (),
) -> list[ProviderFinding]:
    """`ours` maps each payment a provider activated for us (any day we read) to its activation."""
    listed = {row.txn_id: row for row in registry}
    booked_later = {row.txn_id for row in next_day}
    found = []
    for txn_id, row in sorted(listed.items()):
        activation = ours.get(txn_id)
        if activation is None:
            found.append(
                ProviderFinding(
                    txn_id, MismatchKind.PROVIDER_ONLY, row.service_id, row.amount_qepik, None
                )
            )
        elif activation.amount_qepik != row.amount_qepik:
            found.append(
                ProviderFinding(
                    txn_id,
                    MismatchKind.PROVIDER_AMOUNT_DIFFERS,
                    row.service_id,
                    row.amount_qepik,
                    activation.amount_qepik,
                )
            )
    for payment_id, activation in sorted(ours.items()):
        if (
            activation.at.date() == day
            and payment_id not in listed
            and payment_id not in booked_later
        ):
            found.append(
                ProviderFinding(
                    payment_id,
                    MismatchKind.OURS_ONLY_AT_PROVIDER,
                    activation.service_id,
                    None,
                    activation.amount_qepik,
                )
            )
    return found

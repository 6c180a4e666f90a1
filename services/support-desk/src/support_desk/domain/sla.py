"""SLA clocks: each category gives a ticket so many hours; waiting for the customer stops the clock."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from support_desk.domain.states import TicketState

DEFAULT_CATEGORY = "other"
PAYMENT_CATEGORY = "payment_problem"
AUTOMATIC_CATEGORY = "reconciliation_mismatch"


@dataclass(frozen=True)
class Category:
    id: str
    hours: int
    public: bool
    az: str
    en: str
    ru: str


class SlaTable:
    """The categories a ticket can have, read from data (`data/categories.toml`)."""

    def __init__(self, categories: Iterable[Category]) -> None:
        self._by_id = {category.id: category for category in categories}
        for needed in (DEFAULT_CATEGORY, PAYMENT_CATEGORY, AUTOMATIC_CATEGORY):
            if needed not in self._by_id:
                raise ValueError(f"the SLA table has no {needed!r} category")

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> SlaTable:
        categories = []
        for raw in data.get("categories", []):
            hours = int(raw["hours"])
            if hours <= 0:
                raise ValueError(f"category {raw['id']!r} needs a positive number of hours")
            categories.append(
                Category(
                    str(raw["id"]),
                    hours,
                    bool(raw["public"]),
                    str(raw["az"]),
                    str(raw["en"]),
                    str(raw["ru"]),
                )
            )
        return cls(categories)

    def get(self, category_id: str) -> Category:
        return self._by_id[category_id]

    def public_ids(self) -> tuple[str, ...]:
        return tuple(sorted(cid for cid, category in self._by_id.items() if category.public))

    def all(self) -> tuple[Category, ...]:
        return tuple(self._by_id.values())

    def for_contact_form(self, chosen: str | None, payment_id: str | None) -> Category:
        """The customer's choice; otherwise a payment problem when they named a payment."""
        if chosen is not None:
            return self._by_id[chosen]
        return self._by_id[PAYMENT_CATEGORY if payment_id else DEFAULT_CATEGORY]


def due_at(opened_at: datetime, hours: int) -> datetime:
    return opened_at + timedelta(hours=hours)


def resume_clock(due: datetime, waiting_since: datetime | None, resumed_at: datetime) -> datetime:
    """The due time pushed back by how long the customer kept us waiting."""
    if waiting_since is None or resumed_at <= waiting_since:
        return due
    return due + (resumed_at - waiting_since)


def is_overdue(state: TicketState, due: datetime, now: datetime) -> bool:
    return state.counts_against_sla() and now > due


def time_left(state: TicketState, due: datetime, now: datetime) -> timedelta | None:
    """What remains on the clock (negative when late); None when the clock is not running."""
    return due - now if state.counts_against_sla() else None

"""Open mismatches by kind and age, counted from the facts table: what the reconciler still waits
to clear. Read from its own (recovered) state, so a restart does not reset it, unlike counters of
events sent."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from contracts.events import MismatchKind
from reconciler.domain.kinds import CLEARABLE


class Age(StrEnum):
    UNDER_AN_HOUR = "under_an_hour"
    UNDER_A_DAY = "under_a_day"
    OVER_A_DAY = "over_a_day"  # past the first SLA of the case support-desk opened

    @classmethod
    def of(cls, open_for: timedelta) -> Age:
        if open_for < timedelta(hours=1):
            return cls.UNDER_AN_HOUR
        if open_for < timedelta(days=1):
            return cls.UNDER_A_DAY
        return cls.OVER_A_DAY


def open_alerts(
    entries: Iterable[tuple[str, Mapping[str, Any] | None]], now: datetime
) -> Counter[tuple[MismatchKind, Age]]:
    """Alerts sent and not cleared, of the kinds a later event clears by itself (the others are
    a person's from the start), by kind and how long they have been open. Reads the stored JSON."""
    counted: Counter[tuple[MismatchKind, Age]] = Counter()
    for _payment_id, stored in entries:
        for kind, alert in ((stored or {}).get("alerts") or {}).items():
            if kind not in CLEARABLE or alert.get("cleared_by") is not None:
                continue
            detected_at = datetime.fromisoformat(alert["detected_at"])
            counted[(MismatchKind(kind), Age.of(now - detected_at))] += 1
    return counted

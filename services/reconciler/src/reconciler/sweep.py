"""What the sweep timer asks for: payments whose next check time has come, each asked once.

A payment still due after `resend_after` seconds (its check was lost in a rebalance, or the
streams were behind) is asked for again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any


class Sweeper:
    def __init__(
        self, resend_after: float, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self._resend_after = resend_after
        self._monotonic = monotonic
        self._asked: dict[str, tuple[str, float]] = {}

    def due(
        self, entries: Iterable[tuple[str, Mapping[str, Any] | None]], now: datetime
    ) -> list[str]:
        """Reads only; the caller sends the checks after the table is no longer being iterated."""
        ask, still_due = [], {}
        moment = self._monotonic()
        for payment_id, stored in entries:
            when = stored.get("next_check_at") if stored else None
            if when is None or datetime.fromisoformat(when) > now:
                continue
            earlier = self._asked.get(payment_id)
            if (
                earlier is not None
                and earlier[0] == when
                and moment - earlier[1] < self._resend_after
            ):
                still_due[payment_id] = earlier
                continue
            still_due[payment_id] = (when, moment)
            ask.append(payment_id)
        self._asked = still_due
        return ask

"""Which records to read: where to start (`--since`) and which events to keep. Pure."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

from contracts.envelope import Envelope

_RELATIVE: Final = re.compile(r"^-(\d+)([smhd])$")
_UNITS: Final = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


@dataclass(frozen=True)
class FromBeginning:
    pass


@dataclass(frozen=True)
class FromEnd:
    pass


@dataclass(frozen=True)
class FromOffset:
    offset: int  # the same offset on every partition read


@dataclass(frozen=True)
class FromTime:
    moment: datetime


Start = FromBeginning | FromEnd | FromOffset | FromTime


def parse_since(text: str | None, now: datetime, *, follow: bool) -> Start:
    """`2026-05-01T10:00Z` (no zone: UTC), `-5m` / `-2h` / `-1d`, or `offset:N`. Without it,
    following starts at the end (only new events) and a one-off read starts at the beginning."""
    if text is None or not text.strip():
        return FromEnd() if follow else FromBeginning()
    text = text.strip()
    if text.startswith("offset:"):
        number = text.removeprefix("offset:")
        if not number.isdigit():
            raise ValueError(f"--since {text!r}: an offset is offset:N, N a whole number")
        return FromOffset(int(number))
    relative = _RELATIVE.match(text)
    if relative:
        amount, unit = relative.groups()
        return FromTime(now - timedelta(**{_UNITS[unit]: int(amount)}))
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise ValueError(
            f"--since {text!r}: give an ISO time (2026-05-01T10:00:00Z), -5m / -2h / -1d, "
            "or offset:N"
        ) from None
    return FromTime(moment if moment.tzinfo else moment.replace(tzinfo=UTC))


@dataclass(frozen=True)
class EventFilter:
    """Keeps an event when it passes every filter given; `about` is a payment or other subject:
    an event is about it when it is its subject or the payment its data names."""

    types: Collection[str] = ()
    about: str | None = None

    def keeps(self, envelope: Envelope) -> bool:
        if self.types and envelope.type not in self.types:
            return False
        if self.about is None:
            return True
        return self.about in (envelope.subject, envelope.data.get("payment_id"))

"""Prefixed, time-sortable identifiers (`pay_…`, `tkt_…`, `evt_…`) in the ULID layout."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from typing import Annotated, Final

from pydantic import StringConstraints

_CROCKFORD: Final = "0123456789abcdefghjkmnpqrstvwxyz"
_BODY_LENGTH: Final = 26

PREFIXES: Final = frozenset({"pay", "evt", "tkt", "imr", "qte"})


def make_id(prefix: str, at: datetime, entropy: bytes) -> str:
    """Builds an id from a time (milliseconds, 48 bits) and 10 bytes of entropy, sortable by time."""
    if prefix not in PREFIXES:
        raise ValueError(f"unknown id prefix {prefix!r}")
    if len(entropy) != 10:
        raise ValueError("entropy must be 10 bytes")
    millis = int(at.timestamp() * 1000)
    number = (millis << 80) | int.from_bytes(entropy, "big")
    chars = []
    for _ in range(_BODY_LENGTH):
        number, digit = divmod(number, 32)
        chars.append(_CROCKFORD[digit])
    return f"{prefix}_{''.join(reversed(chars))}"


def new_id(prefix: str) -> str:
    """A fresh id for now; call it at the edges, pass ids into the domain."""
    return make_id(prefix, datetime.now(UTC), os.urandom(10))


def id_pattern(prefix: str) -> str:
    return rf"^{prefix}_[0-9a-hjkmnp-tv-z]{{{_BODY_LENGTH}}}$"


def is_id(prefix: str, value: str) -> bool:
    return re.fullmatch(id_pattern(prefix), value) is not None


PaymentId = Annotated[str, StringConstraints(pattern=id_pattern("pay"))]
EventId = Annotated[str, StringConstraints(pattern=id_pattern("evt"))]
TicketId = Annotated[str, StringConstraints(pattern=id_pattern("tkt"))]
RegistrationId = Annotated[str, StringConstraints(pattern=id_pattern("imr"))]
QuoteId = Annotated[str, StringConstraints(pattern=id_pattern("qte"))]

"""One readable line per event: time, topic, type, subject and the facts that matter, coloured
by kind. Pure: an envelope in, Rich text out."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Final

from rich.text import Text

from contracts.envelope import Envelope


class Kind(StrEnum):
    """What an event means to someone watching: the colour of its line."""

    FAILURE = "failure"
    COMPLETION = "completion"
    ATTENTION = "attention"
    PROGRESS = "progress"

    @property
    def style(self) -> str:
        return _STYLES[self]


_STYLES: Final = {
    Kind.FAILURE: "bold red",
    Kind.COMPLETION: "green",
    Kind.ATTENTION: "yellow",
    Kind.PROGRESS: "",
}

_KINDS: Final = {
    "card-declined": Kind.FAILURE,
    "activation-failed": Kind.FAILURE,
    "mismatch-detected": Kind.FAILURE,
    "imei-registration-rejected": Kind.FAILURE,
    "payment-completed": Kind.COMPLETION,
    "provider-activated": Kind.COMPLETION,
    "mismatch-cleared": Kind.COMPLETION,
    "case-resolved": Kind.COMPLETION,
    "imei-registered": Kind.COMPLETION,
    "payment-refunded": Kind.COMPLETION,
    "payment-expired": Kind.ATTENTION,
    "refund-requested": Kind.ATTENTION,
    "case-opened": Kind.ATTENTION,
}

# The facts worth a glance, in the order they are shown; any event type may carry any of them.
FACT_FIELDS: Final = (
    "service_id",
    "account",
    "amount",
    "total",
    "reason",
    "kind",
    "bank_code",
    "bank_reference",
    "provider_code",
    "provider_transaction_id",
    "cleared_by",
    "resolution",
    "payment_id",
    "imeis",
    "registry_code",
)
_SHORT_NAMES: Final = {"service_id": "service", "provider_transaction_id": "provider_tx"}
_LONGEST_VALUE: Final = 80


def kind_of(event_type: str) -> Kind:
    return _KINDS.get(event_type, Kind.PROGRESS)


def format_time(moment: datetime) -> str:
    """UTC with milliseconds: lines of different services sort and compare by eye."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def format_value(value: Any) -> str:
    """Money as `5.00 AZN`, lists joined, long text cut."""
    if isinstance(value, dict) and isinstance(value.get("qepik"), int):
        manat, qepik = divmod(value["qepik"], 100)
        return f"{manat}.{qepik:02d} {value.get('currency', 'AZN')}"
    if isinstance(value, list | tuple):
        return ",".join(format_value(item) for item in value)
    text = str(value)
    return text if len(text) <= _LONGEST_VALUE else text[: _LONGEST_VALUE - 1] + "…"


def key_facts(envelope: Envelope) -> list[tuple[str, str]]:
    """`(name, value)` pairs of the facts present in the event's data (the subject left out)."""
    facts = []
    for name in FACT_FIELDS:
        value = envelope.data.get(name)
        if value is None or value in ("", [], ()):
            continue
        if name == "payment_id" and value == envelope.subject:
            continue
        facts.append((_SHORT_NAMES.get(name, name), format_value(value)))
    return facts


def event_line(envelope: Envelope, topic: str) -> Text:
    """`time  topic  type  subject  name=value …`, in the colour of the event's kind."""
    kind = kind_of(envelope.type)
    line = Text(style=kind.style)
    line.append(format_time(envelope.time), style="dim" if kind is Kind.PROGRESS else "")
    line.append(f"  {topic:<17} ")
    line.append(f"{envelope.type:<27}", style="bold")
    line.append(f" {envelope.subject}")
    for name, value in key_facts(envelope):
        line.append(f"  {name}=", style="dim")
        line.append(value)
    return line


def undecodable_line(topic: str, partition: int, offset: int, reason: str) -> Text:
    """A record that is not one of our CloudEvents: shown, never skipped silently."""
    return Text(f"(not a CloudEvent) {topic}[{partition}]@{offset}: {reason}", style="magenta")


def as_utc(value: Any) -> datetime:
    """Stored times are aware (tz_aware client), JSON ones text; a missing one is the epoch, so
    an entry without a time sorts first instead of breaking the story."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            value = None
    if not isinstance(value, datetime):
        return datetime.fromtimestamp(0, UTC)
    return value if value.tzinfo else value.replace(tzinfo=UTC)

"""A payment's whole story in time order, from what each service keeps and every event about it.
Pure: documents and envelopes in, a header and dated entries out, and those as Rich text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rich.text import Text

from contracts.envelope import Envelope
from payportal.lines import as_utc, format_time, format_value, key_facts, kind_of
from payportal.timeline import (
    Document,
    Entry,
    activation_entries,
    callback_entry,
    case_entries,
    payment_entries,
)


@dataclass(frozen=True)
class PaymentRecords:
    """What the stack holds about one payment, as read by `payments show`."""

    payment_id: str
    payment: Document | None = None  # checkout.payments
    events: Sequence[tuple[str, Envelope]] = ()  # (topic, envelope), every topic
    activation: Document | None = None  # provider_gateway.activations
    callbacks: Sequence[Document] = ()  # checkout.bank_callbacks kept for people to look at
    cases: Sequence[Document] = ()  # support_desk.tickets

    def is_empty(self) -> bool:
        return not (self.payment or self.events or self.activation or self.callbacks or self.cases)


@dataclass(frozen=True)
class Story:
    header: list[tuple[str, str]]
    entries: list[Entry]


def tell(records: PaymentRecords) -> Story:
    copies = Counter(envelope.id for _, envelope in records.events)
    distinct = {envelope.id: (topic, envelope) for topic, envelope in records.events}
    entries = [
        *payment_entries(records.payment),
        *(
            _event_entry(topic, envelope, copies[key])
            for key, (topic, envelope) in distinct.items()
        ),
        *activation_entries(records.activation),
        *(callback_entry(callback) for callback in records.callbacks),
        *(entry for case in records.cases for entry in case_entries(case)),
    ]
    return Story(_header(records), sorted(entries))


def render(story: Story) -> list[Text]:
    """The header as `label: value` lines, then one line per entry: time, where, what."""
    width = max((len(label) for label, _ in story.header), default=0)
    lines = [Text(f"{label:>{width}}: {value}") for label, value in story.header]
    lines.append(Text(""))
    for entry in story.entries:
        line = Text(style=entry.kind.style)
        line.append(format_time(entry.at))
        line.append(f"  {entry.source:<17} ", style="bold")
        line.append(entry.text)
        lines.append(line)
    return lines


_HEADER_FIELDS = (
    ("state", "state"),
    ("service", "service_id"),
    ("account", "account"),
    ("created", "created_at"),
    ("expires", "expires_at"),
    ("bank reference", "bank_reference"),
    ("declined", "decline_reason"),
    ("provider tx", "provider_transaction_id"),
    ("failure", "failure"),
    ("refund reference", "refund_reference"),
)
_AMOUNTS = (("amount", "amount_qepik"), ("fee", "fee_qepik"), ("total", "total_qepik"))


def _header(records: PaymentRecords) -> list[tuple[str, str]]:
    payment = records.payment or {}
    rows = [("payment", records.payment_id)]
    if not payment:
        return [*rows, ("state", "not stored at checkout")]
    rows += [(label, _text(payment[name])) for label, name in _HEADER_FIELDS if payment.get(name)]
    amounts = [
        f"{label} {format_value({'qepik': payment[name]})}"
        for label, name in _AMOUNTS
        if isinstance(payment.get(name), int)
    ]
    if amounts:
        rows.insert(2, ("money", ", ".join(amounts)))
    return rows


def _event_entry(topic: str, envelope: Envelope, copies: int) -> Entry:
    """One entry per event id: a relay may publish an event twice (at least once), and every
    consumer's inbox skips the copy, so the story says so instead of telling it twice."""
    facts = "  ".join(f"{name}={value}" for name, value in key_facts(envelope))
    text = f"{envelope.type}  {facts}".rstrip() + f"  [{envelope.source} {envelope.id}]"
    if copies > 1:
        text += f" (on the topic {copies}×)"
    return Entry(as_utc(envelope.time), topic, text, kind_of(envelope.type))


def _text(value: Any) -> str:
    return format_time(value) if isinstance(value, datetime) else format_value(value)

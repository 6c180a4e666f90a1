"""Dated entries of a payment's story, from each service's stored documents. Pure."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from payportal.lines import Kind, as_utc, format_value

Document = dict[str, Any]


@dataclass(frozen=True, order=True)
class Entry:
    at: datetime
    source: str = field(compare=False)
    text: str = field(compare=False)
    kind: Kind = field(default=Kind.PROGRESS, compare=False)


def payment_entries(payment: Document | None) -> list[Entry]:
    entries = []
    for step in (payment or {}).get("history", []):
        text = f"state → {step.get('state')}"
        if step.get("reason"):
            text += f" ({step['reason']})"
        if step.get("detail"):
            text += f": {step['detail']}"
        entries.append(
            Entry(as_utc(step.get("at")), "checkout", text, _state_kind(step.get("state")))
        )
    return entries


def activation_entries(activation: Document | None) -> list[Entry]:
    if not activation:
        return []
    entries = [Entry(as_utc(activation.get("started_at")), "activation", "started")]
    if activation.get("last_answer_at"):
        text = (
            f"provider answered {activation.get('last_call')}: {activation.get('last_state')} "
            f"— {activation.get('last_answer')} ({activation.get('calls', 0)} calls so far)"
        )
        entries.append(Entry(as_utc(activation["last_answer_at"]), "activation", text))
    if activation.get("finished_at"):
        state = activation.get("state")
        text = f"{state}: {activation.get('provider_code') or '-'} {activation.get('reason') or ''}"
        if activation.get("provider_reference"):
            text += f" (provider reference {activation['provider_reference']})"
        kind = Kind.FAILURE if state == "failed" else Kind.COMPLETION
        entries.append(Entry(as_utc(activation["finished_at"]), "activation", text.strip(), kind))
    return entries


def callback_entry(callback: Document) -> Entry:
    amount = callback.get("amount_qepik")
    money = f" {format_value({'qepik': amount})}" if isinstance(amount, int) else ""
    text = (
        f"bank said {callback.get('status')}{money}, kept as {callback.get('outcome')} "
        f"(received {callback.get('received', 1)}×, event {callback.get('_id')})"
    )
    at = callback.get("last_received_at") or callback.get("occurred_at")
    return Entry(as_utc(at), "bank callback", text, Kind.ATTENTION)


def case_entries(case: Document) -> list[Entry]:
    name = f"case {case.get('_id')}"
    opened = f"opened: {case.get('category')} {case.get('mismatch_kind') or ''}".rstrip()
    entries = [Entry(as_utc(case.get("opened_at")), name, f"{opened}, now {case.get('state')}")]
    for step in case.get("trail", []):
        text = f"{step.get('action')} by {step.get('by')}"
        if step.get("text"):
            text += f": {format_value(step['text'])}"
        entries.append(Entry(as_utc(step.get("at")), name, text))
    if case.get("closed_at"):
        text = f"closed: {format_value(case.get('resolution') or '')}".rstrip(": ")
        entries.append(Entry(as_utc(case["closed_at"]), name, text, Kind.COMPLETION))
    return entries


def _state_kind(state: Any) -> Kind:
    if state in ("declined", "expired"):
        return Kind.FAILURE
    if state in ("completed", "refunded"):
        return Kind.COMPLETION
    return Kind.ATTENTION if state == "refund_pending" else Kind.PROGRESS

"""What the ops console receives: stories, payments, dead letters and events as plain JSON
(times in ISO 8601 UTC, money in qəpik)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ops_desk.handlers.stream import LiveEvent
from payportal.lines import as_utc, key_facts, kind_of
from payportal.mongo_io import Document
from payportal.replay import Replayed
from payportal.story import Story

PAYMENT_FIELDS = ("state", "service_id", "account", "amount_qepik", "total_qepik", "created_at")


def story_view(payment_id: str, story: Story) -> dict[str, Any]:
    return {
        "payment_id": payment_id,
        "header": [{"label": label, "value": value} for label, value in story.header],
        "entries": [
            {
                "at": entry.at.isoformat(),
                "source": entry.source,
                "text": entry.text,
                "kind": entry.kind.value,
            }
            for entry in story.entries
        ],
    }


def payment_row(payment: Document) -> dict[str, Any]:
    return {"id": str(payment["_id"])} | {
        name: _plain(payment.get(name)) for name in PAYMENT_FIELDS
    }


def dead_letter_row(letter: Document) -> dict[str, Any]:
    envelope = letter.get("envelope") or {}
    return {
        "id": str(letter["_id"]),
        "service": letter.get("service"),
        "topic": letter.get("topic"),
        "type": envelope.get("type"),
        "subject": envelope.get("subject"),
        "event_id": envelope.get("id"),
        "error": str(letter.get("error", ""))[:500],
        "parked_at": _plain(letter.get("parked_at")),
        "replays": int(letter.get("replays") or 0),
        "replayed_at": _plain(letter.get("replayed_at")),
    }


def replay_view(done: Replayed) -> dict[str, Any]:
    return {
        "id": done.letter_id,
        "service": done.service,
        "topic": done.topic,
        "type": done.envelope.type,
        "subject": done.envelope.subject,
        "event_id": done.envelope.id,
        # False: replayed before, so this copy is skipped by every consumer's inbox
        "handled_again": done.first,
    }


def live_event(event: LiveEvent) -> dict[str, Any]:
    envelope = event.envelope
    return {
        "topic": event.topic,
        "partition": event.partition,
        "offset": event.offset,
        "id": envelope.id,
        "type": envelope.type,
        "subject": envelope.subject,
        "source": envelope.source,
        "time": envelope.time.isoformat(),
        # the facts worth a glance (payportal's), not the whole data: e-mails stay out of view
        "facts": [{"name": name, "value": value} for name, value in key_facts(envelope)],
        "kind": kind_of(envelope.type).value,
    }


def _plain(value: Any) -> Any:
    return as_utc(value).isoformat() if isinstance(value, datetime) else value

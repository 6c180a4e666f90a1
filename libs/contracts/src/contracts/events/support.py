"""Support cases opened and resolved (topic support.v1)."""

from __future__ import annotations

from pydantic import AwareDatetime, Field

from contracts.events.base import EventData
from contracts.events.reconciliation import MismatchKind
from contracts.ids import PaymentId, TicketId
from contracts.topics import Topic


class CaseOpened(EventData):
    topic = Topic.SUPPORT
    type = "case-opened"
    subject_field = "ticket_id"
    ticket_id: TicketId
    payment_id: PaymentId | None = None
    kind: MismatchKind | None = None
    opened_at: AwareDatetime


class CaseResolved(EventData):
    topic = Topic.SUPPORT
    type = "case-resolved"
    subject_field = "ticket_id"
    ticket_id: TicketId
    payment_id: PaymentId | None = None
    resolution: str = Field(max_length=2000)
    resolved_at: AwareDatetime

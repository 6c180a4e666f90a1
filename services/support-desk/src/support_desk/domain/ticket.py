"""The ticket aggregate: guarded transitions that append trail entries, events and letters."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from contracts.events import CaseResolved, EventData
from support_desk.domain import letters
from support_desk.domain.actions import CaseAction
from support_desk.domain.attachments import Attachment
from support_desk.domain.model import (
    CUSTOMER,
    SYSTEM,
    Action,
    CaseContact,
    Customer,
    Letter,
    Origin,
    TrailEntry,
)
from support_desk.domain.sla import is_overdue, resume_clock
from support_desk.domain.states import TicketState, TransitionRefusedError


class NoCustomerError(Exception):
    """An automatic case has nobody to write to."""


@dataclass(frozen=True)
class Ticket:
    id: str
    origin: Origin
    category: str
    sla_hours: int
    subject: str
    message: str
    opened_at: datetime
    due_at: datetime
    customer: Customer | None = None
    contact: CaseContact | None = None  # an automatic case's customer: told, never answered
    payment_id: str | None = None
    imeis: tuple[str, ...] = ()
    mismatch_kind: str | None = None
    facts: tuple[tuple[str, str], ...] = ()
    attachment: Attachment | None = None
    state: TicketState = TicketState.NEW
    assignee: str | None = None
    institution: str | None = None
    resolution: str | None = None
    closed_at: datetime | None = None
    waiting_since: datetime | None = None
    version: int = 0
    trail: tuple[TrailEntry, ...] = ()
    pending_events: tuple[EventData, ...] = field(default=(), compare=False)
    letters_due: tuple[Letter, ...] = ()
    actions: tuple[CaseAction, ...] = ()  # what specialists ordered on an automatic case

    def overdue(self, now: datetime) -> bool:
        return is_overdue(self.state, self.due_at, now)

    def _move(self, wanted: TicketState, entry: TrailEntry, **changes: Any) -> Ticket:
        if self.state not in wanted.allowed_from():
            raise TransitionRefusedError(self.id, self.state, wanted)
        return replace(self, state=wanted, trail=(*self.trail, entry), **changes)

    def _next_letter_id(self) -> str:
        return f"{self.id}-{len(self.trail) + 1}"

    def _owing(self, letter: Letter | None) -> tuple[Letter, ...]:
        return self.letters_due if letter is None else (*self.letters_due, letter)

    def note(self, by: str, text: str, at: datetime, ref: str | None = None) -> Ticket:
        return replace(self, trail=(*self.trail, TrailEntry(at, Action.NOTE, by, text, ref)))

    def assign(self, assignee: str, by: str, at: datetime) -> Ticket:
        text = assignee if by == assignee else f"{assignee} (by {by})"
        entry = TrailEntry(at, Action.ASSIGNED, by, text)
        resumed = resume_clock(self.due_at, self.waiting_since, at)
        return self._move(
            TicketState.ASSIGNED, entry, assignee=assignee, due_at=resumed, waiting_since=None
        )

    def reply(self, by: str, text: str, at: datetime) -> Ticket:
        if self.customer is None:
            raise NoCustomerError(self.id)
        letter = letters.reply(self._next_letter_id(), self.id, self.customer, text)
        entry = TrailEntry(at, Action.REPLY_SENT, by, text, letter.id)
        return self._move(
            TicketState.WAITING_FOR_CUSTOMER,
            entry,
            waiting_since=self.waiting_since or at,
            letters_due=self._owing(letter),
        )

    def customer_replied(self, text: str, at: datetime, ref: str | None = None) -> Ticket:
        """Appended in any state; a ticket waiting for this answer goes back to its specialist."""
        entry = TrailEntry(at, Action.CUSTOMER_REPLIED, CUSTOMER, text, ref)
        if self.state is not TicketState.WAITING_FOR_CUSTOMER:
            return replace(self, trail=(*self.trail, entry))
        resumed = resume_clock(self.due_at, self.waiting_since, at)
        return self._move(TicketState.ASSIGNED, entry, due_at=resumed, waiting_since=None)

    def resolve(self, by: str, resolution: str, at: datetime) -> Ticket:
        letter = None
        if self.customer is not None:
            letter = letters.resolved(self._next_letter_id(), self.id, self.customer, resolution)
        entry = TrailEntry(at, Action.RESOLVED, by, resolution, letter.id if letter else None)
        moved = self._move(
            TicketState.RESOLVED,
            entry,
            resolution=resolution,
            closed_at=at,
            waiting_since=None,
            letters_due=self._owing(letter),
        )
        return moved._closed_event(resolution, at)

    def redirect(self, by: str, institution: str, note: str, at: datetime) -> Ticket:
        letter = None
        if self.customer is not None:
            letter = letters.redirected(
                self._next_letter_id(), self.id, self.customer, institution, note
            )
        text = f"{institution}: {note}" if note else institution
        entry = TrailEntry(at, Action.REDIRECTED, by, text, letter.id if letter else None)
        moved = self._move(
            TicketState.REDIRECTED,
            entry,
            institution=institution,
            resolution=note or None,
            closed_at=at,
            waiting_since=None,
            letters_due=self._owing(letter),
        )
        return moved._closed_event(f"redirected to {institution}", at)

    def _closed_event(self, resolution: str, at: datetime) -> Ticket:
        event = CaseResolved(
            ticket_id=self.id,
            payment_id=self.payment_id,
            resolution=resolution[:2000],
            resolved_at=at,
        )
        return replace(self, pending_events=(*self.pending_events, event))

    def tell(self, letter: Letter, at: datetime, what: str) -> Ticket:
        """Owes `letter` (an automatic case's own words to its contact), once: its id decides."""
        if any(entry.ref == letter.id for entry in self.trail):
            return self
        entry = TrailEntry(at, Action.NOTE, SYSTEM, what, letter.id)
        return replace(self, trail=(*self.trail, entry), letters_due=self._owing(letter))

    def letter_sent(self, letter_id: str) -> Ticket:
        return replace(self, letters_due=tuple(x for x in self.letters_due if x.id != letter_id))

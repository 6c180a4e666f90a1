"""What the support API answers, as typed models for its OpenAPI (and the fuzzer that holds the
answers to them): `views.py` builds these shapes."""

from __future__ import annotations

from pydantic import BaseModel

from support_desk.domain.states import TicketState

Words = dict[str, str]  # az, en and (where written) ru


class LetterReceived(BaseModel):
    """The contact form's answer: the ticket's number, where to follow it, when it is due."""

    ticket_id: str
    state: TicketState
    state_text: Words
    category: str
    sla_hours: int
    due_at: str
    status_url: str
    confirmation_sent_to: str | None
    message: Words

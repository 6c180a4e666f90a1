"""The pieces a ticket is made of: who wrote, what happened to it, what it owes to be sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Origin(StrEnum):
    CONTACT_FORM = "contact_form"  # a person wrote to us
    RECONCILIATION = "reconciliation"  # the reconciler found money and service out of step


class Action(StrEnum):
    """Kinds of entries in a ticket's trail."""

    OPENED = "opened"
    EVENT = "event"  # an event of the payment's story, as the reconciler saw it
    DETECTED_AGAIN = "detected_again"
    ASSIGNED = "assigned"
    REPLY_SENT = "reply_sent"
    CUSTOMER_REPLIED = "customer_replied"
    NOTE = "note"
    RESOLVED = "resolved"
    REDIRECTED = "redirected"
    ACTION_REQUESTED = "action_requested"  # a specialist's action on a case (domain/actions.py)
    ACTION_APPROVED = "action_approved"


SYSTEM = "system"
CUSTOMER = "customer"


@dataclass(frozen=True)
class Customer:
    first_name: str
    last_name: str
    email: str
    language: str = "az"  # of the form they wrote in: their letters are written in it

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class CaseContact:
    """Whom an automatic case tells, and in which language: from the payment, not from a form."""

    email: str
    language: str  # az, en or ru


@dataclass(frozen=True)
class TrailEntry:
    """One step of the ticket's story: when, what, who, and the words or reference it carried."""

    at: datetime
    action: Action
    by: str
    text: str = ""
    ref: str | None = None  # an event id or a mail id


@dataclass(frozen=True)
class Letter:
    """An e-mail the ticket owes; stored with the ticket by the same write, sent after it."""

    id: str
    to: str
    subject: str
    text: str
    html: str

"""A ticket as a MongoDB document and back; the document also holds its outbox and letters due."""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Any

from servicekit.mongo import Document
from support_desk.adapters.action_documents import actions_from_documents, actions_to_documents
from support_desk.domain.attachments import Attachment
from support_desk.domain.model import Action, CaseContact, Customer, Letter, Origin, TrailEntry
from support_desk.domain.states import TicketState
from support_desk.domain.ticket import Ticket

LETTERS_PENDING = "letters_pending"


def to_document(ticket: Ticket) -> Document:
    customer = ticket.customer
    attachment = ticket.attachment
    return {
        "_id": ticket.id,
        "origin": ticket.origin.value,
        "category": ticket.category,
        "sla_hours": ticket.sla_hours,
        "subject": ticket.subject,
        "message": ticket.message,
        "opened_at": ticket.opened_at,
        "due_at": ticket.due_at,
        "customer": None if customer is None else asdict(customer),
        "contact": None if ticket.contact is None else asdict(ticket.contact),
        "payment_id": ticket.payment_id,
        "imeis": list(ticket.imeis),
        "mismatch_kind": ticket.mismatch_kind,
        "facts": dict(ticket.facts),  # a sub-document: FerretDB refuses nested arrays
        "attachment": None if attachment is None else asdict(attachment),
        "state": ticket.state.value,
        "assignee": ticket.assignee,
        "institution": ticket.institution,
        "resolution": ticket.resolution,
        "closed_at": ticket.closed_at,
        "waiting_since": ticket.waiting_since,
        "version": ticket.version,
        "trail": [
            {"at": e.at, "action": e.action.value, "by": e.by, "text": e.text, "ref": e.ref}
            for e in ticket.trail
        ],
        "letters_due": [asdict(letter) for letter in ticket.letters_due],
        LETTERS_PENDING: bool(ticket.letters_due),
        "actions": actions_to_documents(ticket.actions),
    }


def from_document(document: Document) -> Ticket:
    customer: Any = document.get("customer")
    attachment: Any = document.get("attachment")
    contact: Any = document.get("contact")
    ticket = Ticket(
        id=document["_id"],
        origin=Origin(document["origin"]),
        category=document["category"],
        sla_hours=document["sla_hours"],
        subject=document["subject"],
        message=document["message"],
        opened_at=document["opened_at"],
        due_at=document["due_at"],
        customer=Customer(**customer) if customer else None,
        contact=CaseContact(**contact) if contact else None,
        payment_id=document.get("payment_id"),
        imeis=tuple(document.get("imeis", [])),
        mismatch_kind=document.get("mismatch_kind"),
        facts=tuple((str(name), str(value)) for name, value in document.get("facts", {}).items()),
        attachment=Attachment(**attachment) if attachment else None,
        state=TicketState(document["state"]),
        assignee=document.get("assignee"),
        institution=document.get("institution"),
        resolution=document.get("resolution"),
        closed_at=document.get("closed_at"),
        waiting_since=document.get("waiting_since"),
        version=int(document.get("version", 0)),
        trail=tuple(
            TrailEntry(e["at"], Action(e["action"]), e["by"], e.get("text", ""), e.get("ref"))
            for e in document.get("trail", [])
        ),
        letters_due=tuple(Letter(**letter) for letter in document.get("letters_due", [])),
        actions=actions_from_documents(document.get("actions", [])),
    )
    return replace(ticket, pending_events=())

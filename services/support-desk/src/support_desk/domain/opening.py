"""How a customer's letter from the contact form becomes a ticket."""

from __future__ import annotations

from datetime import datetime

from contracts.events import CaseOpened
from support_desk.domain import letters
from support_desk.domain.attachments import Attachment
from support_desk.domain.contact_form import ContactForm
from support_desk.domain.model import CUSTOMER, Action, Customer, Origin, TrailEntry
from support_desk.domain.sla import Category, due_at
from support_desk.domain.ticket import Ticket


def open_ticket(
    ticket_id: str,
    form: ContactForm,
    category: Category,
    at: datetime,
    attachment: Attachment | None = None,
) -> Ticket:
    """A customer's letter becomes a new ticket that owes them a confirmation with its number."""
    customer = Customer(form.first_name, form.last_name, form.email, form.language)
    letter = letters.confirmation(
        f"{ticket_id}-1", ticket_id, customer, form.message, category.hours
    )
    return Ticket(
        id=ticket_id,
        origin=Origin.CONTACT_FORM,
        category=category.id,
        sla_hours=category.hours,
        subject=form.subject,
        message=form.message,
        opened_at=at,
        due_at=due_at(at, category.hours),
        customer=customer,
        payment_id=form.payment_id,
        imeis=form.imeis,
        attachment=attachment,
        trail=(TrailEntry(at, Action.OPENED, CUSTOMER, "contact form", letter.id),),
        pending_events=(CaseOpened(ticket_id=ticket_id, payment_id=form.payment_id, opened_at=at),),
        letters_due=(letter,),
    )

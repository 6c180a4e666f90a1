"""Automatic cases: one per payment and kind, opened by a mismatch, closed when it clears."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime

from contracts.events import CaseOpened, MismatchDetected
from contracts.ids import make_id
from support_desk.domain.case_letters import lookup_link, opening_letter
from support_desk.domain.mismatch_words import KIND_WORDS
from support_desk.domain.model import SYSTEM, Action, CaseContact, Origin, TrailEntry
from support_desk.domain.sla import Category, due_at
from support_desk.domain.ticket import Ticket

_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"


def case_id_for(payment_id: str, kind: str) -> str:
    """The one ticket id a payment's mismatch of this kind can have: every copy of the detection,
    in any process, computes the same id, so the database's unique `_id` keeps it to one case.
    It sorts by the payment's time and spreads by a digest of payment and kind."""
    body = payment_id.split("_", 1)[1]
    millis = 0
    for char in body[:10]:  # the first 10 characters of the body are its 48-bit millisecond time
        millis = millis * 32 + _CROCKFORD.index(char)
    digest = hashlib.sha256(f"{payment_id}:{kind}".encode()).digest()[:10]
    return make_id("tkt", datetime.fromtimestamp(millis / 1000, UTC), digest)


def open_case_for_mismatch(
    detected: MismatchDetected, category: Category, at: datetime, public_url: str
) -> Ticket:
    """A case nobody wrote: the reconciler's facts and the payment's story, for a specialist; and,
    when the customer gave an e-mail, the letter telling them, owed by the very write that opens
    the case (so copies of the detection, which open nothing, send nothing)."""
    ticket_id = case_id_for(detected.payment_id, detected.kind.value)
    case = _new_case(ticket_id, detected, category, at)
    if case.contact is None:
        return case
    letter = opening_letter(
        ticket_id, case.contact, detected, case.due_at, lookup_link(public_url, ticket_id)
    )
    return case.tell(letter, at, f"customer told in {case.contact.language}: case opened")


def _new_case(
    ticket_id: str, detected: MismatchDetected, category: Category, at: datetime
) -> Ticket:
    facts = mismatch_facts(detected)
    story = tuple(
        TrailEntry(entry.time, Action.EVENT, SYSTEM, entry.type, entry.event_id)
        for entry in detected.trail
    )
    return Ticket(
        id=ticket_id,
        origin=Origin.RECONCILIATION,
        category=category.id,
        sla_hours=category.hours,
        subject=detected.service_id or "other",
        message=describe(detected),
        opened_at=at,
        due_at=due_at(at, category.hours),
        contact=CaseContact(detected.customer_email, detected.language or "az")
        if detected.customer_email
        else None,
        payment_id=detected.payment_id,
        mismatch_kind=detected.kind.value,
        facts=facts,
        trail=(*story, TrailEntry(at, Action.OPENED, SYSTEM, f"reconciler: {detected.kind.value}")),
        pending_events=(
            CaseOpened(
                ticket_id=ticket_id,
                payment_id=detected.payment_id,
                kind=detected.kind,
                opened_at=at,
            ),
        ),
    )


def mismatch_facts(detected: MismatchDetected) -> tuple[tuple[str, str], ...]:
    words = KIND_WORDS.get(detected.kind)
    candidates = {
        "kind": detected.kind.value,
        "kind_az": words.az if words else None,
        "kind_en": words.en if words else None,
        "kind_ru": words.ru if words else None,
        "service_id": detected.service_id,
        "account": detected.account,
        "debited": str(detected.debited) if detected.debited else None,
        "activated": str(detected.activated) if detected.activated else None,
        "debited_at": detected.debited_at.isoformat() if detected.debited_at else None,
        "deadline": detected.deadline.isoformat() if detected.deadline else None,
        "expected": str(detected.expected) if detected.expected else None,
        "refunded": str(detected.refunded) if detected.refunded else None,
        "refunded_at": detected.refunded_at.isoformat() if detected.refunded_at else None,
        "at_provider": str(detected.at_provider) if detected.at_provider else None,
        "what_happened": detected.note,
        "detected_at": detected.detected_at.isoformat(),
    }
    return tuple((name, value) for name, value in candidates.items() if value is not None)


def describe(detected: MismatchDetected) -> str:
    money = ", ".join(
        part
        for part in (
            f"debited {detected.debited}" if detected.debited else "",
            f"activated {detected.activated}" if detected.activated else "",
        )
        if part
    )
    return f"Reconciliation found {detected.kind.value} for {detected.payment_id}" + (
        f" ({money})." if money else "."
    )


def new_story_entries(ticket: Ticket, detected: MismatchDetected) -> tuple[TrailEntry, ...]:
    """Events of a repeated detection that the case does not have yet."""
    known = {entry.ref for entry in ticket.trail if entry.action is Action.EVENT}
    return tuple(
        TrailEntry(entry.time, Action.EVENT, SYSTEM, entry.type, entry.event_id)
        for entry in detected.trail
        if entry.event_id not in known
    )


def detected_again(
    ticket: Ticket, detected: MismatchDetected, event_id: str, at: datetime
) -> Ticket:
    """A second copy of the detection adds what it knows to the one case; it opens nothing."""
    entries = (
        *new_story_entries(ticket, detected),
        TrailEntry(at, Action.DETECTED_AGAIN, SYSTEM, detected.kind.value, event_id),
    )
    return replace(ticket, trail=(*ticket.trail, *entries))

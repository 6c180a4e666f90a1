"""Support-desk's database against its events (pure): each ticket announced once by `case-opened`,
each closed ticket by one `case-resolved`, and no event about a ticket the database lacks."""

from __future__ import annotations

from dataclasses import dataclass, field

CLOSED = frozenset({"resolved", "redirected"})


@dataclass
class TicketRecords:
    states: dict[str, str] = field(default_factory=dict)  # ticket id → state in the database
    opened: dict[str, set[str]] = field(default_factory=dict)  # ticket id → case-opened event ids
    resolved: dict[str, set[str]] = field(default_factory=dict)  # … case-resolved event ids


def ticket_violations(records: TicketRecords) -> list[str]:
    found = []
    for ticket_id, state in records.states.items():
        opened = len(records.opened.get(ticket_id, ()))
        resolved = len(records.resolved.get(ticket_id, ()))
        if opened != 1:
            found.append(f"ticket {ticket_id}: {opened} case-opened events (not exactly one)")
        if resolved != (state in CLOSED):
            found.append(f"ticket {ticket_id} is {state} with {resolved} case-resolved events")
    for ticket_id in (records.opened.keys() | records.resolved.keys()) - records.states.keys():
        found.append(f"events about ticket {ticket_id}, which support-desk does not have")
    return found

"""Everything an ops-desk handler needs, wired once in bootstrap."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from ops_desk.adapters.spent_tickets import SpentTickets
from ops_desk.adapters.staff_tokens import StaffTokens
from ops_desk.config import Settings
from ops_desk.domain.stream_tickets import StreamTickets
from payportal.endpoints import Endpoints


@dataclass(frozen=True)
class OpsDesk:
    settings: Settings
    endpoints: Endpoints  # the broker and database payportal's readers use
    tokens: StaffTokens
    tickets: StreamTickets
    spent_tickets: SpentTickets  # shared by the replicas: a ticket opens the stream once
    clock: Callable[[], datetime]

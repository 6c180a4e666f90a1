"""Everything a support-desk handler needs, wired once in bootstrap."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from servicekit.mail import Mailer
from support_desk.adapters.attachments import AttachmentStore
from support_desk.adapters.repository import TicketRepository
from support_desk.adapters.sign_ins import SignInGuard
from support_desk.adapters.staff import StaffDirectory, TokenIssuer
from support_desk.config import Settings
from support_desk.domain.sla import SlaTable


@dataclass(frozen=True)
class SupportDesk:
    settings: Settings
    tickets: TicketRepository
    attachments: AttachmentStore
    mailer: Mailer
    staff: StaffDirectory
    tokens: TokenIssuer
    sign_ins: SignInGuard
    sla: SlaTable
    clock: Callable[[], datetime]

"""Wires support-desk: settings, database, outbox, mailer, staff, consumer, routes (`uvicorn --factory`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from fastapi import FastAPI

from contracts.topics import Topic
from servicekit.app import create_service_app
from servicekit.lifespan import ServiceWiring, runtime_readiness, service_lifespan
from servicekit.mail import Mailer
from servicekit.problems import map_errors
from servicekit.runtime import ServiceRuntime
from support_desk.adapters import attachments, repository, sign_ins
from support_desk.adapters.categories import load_sla_table
from support_desk.adapters.documents import LETTERS_PENDING
from support_desk.adapters.sign_ins import SignInGuard
from support_desk.adapters.staff import StaffDirectory, TokenIssuer
from support_desk.config import Settings
from support_desk.domain.action_refusals import ActionRefusedError
from support_desk.domain.attachments import MAX_ATTACHMENT_BYTES
from support_desk.domain.permissions import Role
from support_desk.domain.sign_in import SignInPolicy
from support_desk.entrypoints import auth, case_actions, cases, contact, conversation, desk, lookup
from support_desk.entrypoints.consumer import EVENT_HANDLERS
from support_desk.entrypoints.problems import action_problem_for, problem_for
from support_desk.handlers.context import SupportDesk
from support_desk.handlers.errors import DeskError
from support_desk.handlers.letters import run_letter_sweep

API_PREFIX = "/api/support"
MAX_BODY_BYTES = MAX_ATTACHMENT_BYTES + 512 * 1024  # the image, the fields, multipart framing


def utc_now() -> datetime:
    return datetime.now(UTC)


def create_app(
    settings: Settings | None = None, clock: Callable[[], datetime] = utc_now
) -> FastAPI:
    settings = settings or Settings()
    sla = load_sla_table()

    async def build(runtime: ServiceRuntime) -> SupportDesk:
        staff = StaffDirectory(
            (name, Role(role), password) for name, role, password in settings.staff_seeds()
        )
        tokens = TokenIssuer(
            settings.support_jwt_secret.get_secret_value(),
            timedelta(minutes=settings.support_token_minutes),
            clock,
            staff,
        )
        return SupportDesk(
            settings=settings,
            tickets=repository.TicketRepository(runtime.store(repository.COLLECTION), clock),
            attachments=attachments.AttachmentStore(runtime.database[attachments.COLLECTION]),
            mailer=Mailer(
                settings.smtp_host, settings.smtp_port, settings.mail_from, "support.portal.local"
            ),
            staff=staff,
            tokens=tokens,
            sign_ins=SignInGuard(
                runtime.database[sign_ins.COLLECTION],
                SignInPolicy(lock=timedelta(seconds=settings.sign_in_lock_seconds)),
                clock,
            ),
            sla=sla,
            clock=clock,
        )

    wiring = ServiceWiring[SupportDesk](
        outbox_collections=(repository.COLLECTION,),
        indexes={repository.COLLECTION: ("state", "category", "assignee", LETTERS_PENDING)},
        consumed_topics=(Topic.RECONCILIATION.value,),
        event_handlers=EVENT_HANDLERS,
        build=build,
        loops=(("letter-sweep", run_letter_sweep),),
    )
    app = create_service_app(
        title="Support desk",
        api_prefix=API_PREFIX,
        lifespan=service_lifespan(settings, wiring),
        readiness=runtime_readiness,
        max_body_bytes=MAX_BODY_BYTES,
    )
    map_errors(app, DeskError, problem_for)
    map_errors(app, ActionRefusedError, action_problem_for)
    app.include_router(auth.router)
    app.include_router(contact.router)
    app.include_router(desk.router)  # before lookup: /tickets/overdue is not a ticket id
    app.include_router(lookup.router)
    app.include_router(conversation.router)
    app.include_router(cases.router)
    app.include_router(case_actions.router)
    return app

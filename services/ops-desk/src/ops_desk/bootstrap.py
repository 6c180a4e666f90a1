"""Wires ops-desk: settings, the staff token check, stream tickets, routes (`uvicorn --factory`).
It consumes nothing and stores only the stream tickets spent: it reads what payportal reads."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from fastapi import FastAPI

from ops_desk.adapters import spent_tickets
from ops_desk.adapters.staff_tokens import StaffTokens
from ops_desk.config import Settings
from ops_desk.domain.stream_tickets import StreamTickets
from ops_desk.entrypoints import dead_letters, events, payments, recon
from ops_desk.entrypoints.problems import problem_for
from ops_desk.handlers.context import OpsDesk
from ops_desk.handlers.errors import OpsDeskError
from payportal.endpoints import Endpoints
from servicekit.app import Readiness, create_service_app
from servicekit.lifespan import ServiceWiring, service_lifespan
from servicekit.mongo import database_is_reachable
from servicekit.problems import map_errors
from servicekit.runtime import ServiceRuntime

API_PREFIX = "/api/ops"


def utc_now() -> datetime:
    return datetime.now(UTC)


def create_app(
    settings: Settings | None = None, clock: Callable[[], datetime] = utc_now
) -> FastAPI:
    settings = settings or Settings()

    async def build(runtime: ServiceRuntime) -> OpsDesk:
        secret = settings.support_jwt_secret.get_secret_value()
        return OpsDesk(
            settings=settings,
            endpoints=Endpoints(
                kafka=settings.kafka_bootstrap,
                mongo=settings.mongo_url,
                timeout=settings.sources_timeout_seconds,
            ),
            tokens=StaffTokens(secret, clock),
            tickets=StreamTickets.from_secret(
                secret, timedelta(seconds=settings.stream_ticket_seconds)
            ),
            spent_tickets=spent_tickets.SpentTickets(runtime.database[spent_tickets.COLLECTION]),
            clock=clock,
        )

    app = create_service_app(
        title="Ops desk",
        api_prefix=API_PREFIX,
        lifespan=service_lifespan(
            settings,
            ServiceWiring[OpsDesk](
                build=build, indexes={spent_tickets.COLLECTION: spent_tickets.INDEXED}
            ),
        ),
        readiness=_readiness,
    )
    map_errors(app, OpsDeskError, problem_for)
    app.include_router(payments.router)
    app.include_router(events.router)
    app.include_router(dead_letters.router)
    app.include_router(recon.router)
    return app


def _readiness(app: FastAPI) -> Readiness:
    """The database and the broker ops-desk reads (it keeps no producer to ask)."""
    runtime: ServiceRuntime = app.state.runtime
    desk: OpsDesk = app.state.context

    async def checks() -> dict[str, bool]:
        host, _, port = desk.endpoints.kafka.split(",")[0].rpartition(":")
        try:
            _, writer = await asyncio.wait_for(asyncio.open_connection(host, int(port)), 2)
            writer.close()
            kafka = True
        except (OSError, TimeoutError, ValueError):
            kafka = False
        return {"database": await database_is_reachable(runtime.database), "kafka": kafka}

    return checks

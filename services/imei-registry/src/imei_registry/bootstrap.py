"""Wires imei-registry: settings, data files, database, outbox, registry client, consumer, sweep."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import httpx
from fastapi import FastAPI

from contracts.topics import Topic
from imei_registry.adapters.data import load_directory, load_fee_table
from imei_registry.adapters.quotes import QuoteRepository
from imei_registry.adapters.registrations import COLLECTION, RegistrationRepository
from imei_registry.adapters.registry import McqsClient
from imei_registry.config import Settings
from imei_registry.entrypoints import api
from imei_registry.entrypoints.consumer import EVENT_HANDLERS, is_imei_payment
from imei_registry.entrypoints.problems import REFUSALS, problem_for
from imei_registry.handlers.context import ImeiRegistry
from imei_registry.handlers.sweep import run_registry_sweep
from servicekit.app import create_service_app
from servicekit.lifespan import ServiceWiring, runtime_readiness, service_lifespan
from servicekit.mail import Mailer
from servicekit.problems import map_errors
from servicekit.runtime import ServiceRuntime

API_PREFIX = "/api/imei"


def utc_now() -> datetime:
    return datetime.now(UTC)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()

    async def build(runtime: ServiceRuntime) -> ImeiRegistry:
        timeout = settings.mcqs_timeout_seconds
        http = httpx.AsyncClient(timeout=httpx.Timeout(timeout, connect=min(timeout, 2.0)))
        return ImeiRegistry(
            settings=settings,
            directory=load_directory(),
            fees=load_fee_table(),
            quotes=QuoteRepository(runtime.database),
            registrations=RegistrationRepository(runtime.store(COLLECTION), utc_now),
            mcqs=McqsClient(
                http, settings.mcqs_url, settings.mcqs_secret.get_secret_value(), time.time
            ),
            mailer=Mailer(settings.smtp_host, settings.smtp_port, settings.mail_from),
            clock=utc_now,
            http=http,
        )

    async def close(registry: ImeiRegistry) -> None:
        await registry.http.aclose()

    wiring = ServiceWiring[ImeiRegistry](
        outbox_collections=(COLLECTION,),
        indexes={COLLECTION: ("state", "imeis", "email_due")},
        consumed_topics=(Topic.PAYMENTS.value,),
        event_handlers=EVENT_HANDLERS,
        handles_event=is_imei_payment,
        build=build,
        loops=(("registry-sweep", run_registry_sweep),),
        close=close,
    )
    app = create_service_app(
        title="IMEI registry",
        api_prefix=API_PREFIX,
        lifespan=service_lifespan(settings, wiring),
        readiness=runtime_readiness,
    )
    map_errors(app, REFUSALS, problem_for)
    app.include_router(api.router)
    return app

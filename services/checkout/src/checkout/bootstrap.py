"""Wires checkout: settings, database, outbox, bank and catalog clients, consumer, sweep, routes."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
from fastapi import FastAPI

from checkout.adapters.bank import BankClient
from checkout.adapters.catalog import CatalogClient
from checkout.adapters.idempotency import IdempotencyKeys
from checkout.adapters.repository import COLLECTION, PaymentRepository
from checkout.config import Settings
from checkout.entrypoints import api, callbacks
from checkout.entrypoints.consumer import EVENT_HANDLERS
from checkout.entrypoints.problems import install_refusal_handler
from checkout.handlers.context import Checkout
from checkout.handlers.maintenance import run_maintenance
from contracts.topics import Topic
from servicekit.app import create_service_app
from servicekit.lifespan import ServiceWiring, runtime_readiness, service_lifespan
from servicekit.mail import Mailer
from servicekit.runtime import ServiceRuntime

API_PREFIX = "/api/payments"


def utc_now() -> datetime:
    return datetime.now(UTC)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()

    async def build(runtime: ServiceRuntime) -> Checkout:
        http = httpx.AsyncClient(timeout=httpx.Timeout(10.0, connect=2.0))
        return Checkout(
            settings=settings,
            payments=PaymentRepository(runtime.store(COLLECTION), utc_now),
            keys=IdempotencyKeys(runtime.database["idempotency_keys"]),
            bank=BankClient(
                http, settings.bank_url, settings.bank_merchant_secret.get_secret_value()
            ),
            catalog=CatalogClient(http, settings.catalog_url),
            mailer=Mailer(settings.smtp_host, settings.smtp_port, settings.mail_from),
            bank_callbacks=runtime.database["bank_callbacks"],
            clock=utc_now,
            http=http,
        )

    async def close(checkout: Checkout) -> None:
        await checkout.http.aclose()

    wiring = ServiceWiring[Checkout](
        outbox_collections=(COLLECTION,),
        indexes={COLLECTION: ("state", "receipt_due", "refund_mail_due")},
        consumed_topics=(Topic.ACTIVATIONS.value, Topic.SUPPORT.value),
        event_handlers=EVENT_HANDLERS,
        build=build,
        loops=(("maintenance", run_maintenance),),
        close=close,
    )
    app = create_service_app(
        title="Checkout",
        api_prefix=API_PREFIX,
        lifespan=service_lifespan(settings, wiring),
        readiness=runtime_readiness,
        max_body_bytes=16 * 1024,
    )
    add_routes(app)
    return app


def add_routes(app: FastAPI) -> None:
    """Checkout's routes and the mapping of its refusals to problems (integration tests too)."""
    install_refusal_handler(app)
    app.include_router(callbacks.router)
    app.include_router(api.router)

"""Wires checkout: settings, database, outbox, consumer and HTTP routes (`uvicorn --factory`)."""

from __future__ import annotations

from fastapi import FastAPI

from checkout.config import Settings
from checkout.entrypoints.consumer import make_handler
from contracts.topics import Topic
from servicekit.app import create_service_app
from servicekit.lifespan import ServiceWiring, runtime_readiness, service_lifespan

API_PREFIX = "/api/payments"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    wiring = ServiceWiring(
        outbox_collections=("payments",),
        consumed_topics=(Topic.ACTIVATIONS.value,),
        make_handler=make_handler,
    )
    return create_service_app(
        title="Checkout",
        api_prefix=API_PREFIX,
        lifespan=service_lifespan(settings, wiring),
        readiness=runtime_readiness,
    )

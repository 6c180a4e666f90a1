"""Wires provider-gateway: settings, database, outbox, consumer and HTTP routes (`uvicorn --factory`)."""

from __future__ import annotations

from fastapi import FastAPI

from contracts.topics import Topic
from provider_gateway.config import Settings
from provider_gateway.entrypoints.consumer import make_handler
from servicekit.app import create_service_app
from servicekit.lifespan import ServiceWiring, runtime_readiness, service_lifespan

API_PREFIX = "/api/catalog"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    wiring = ServiceWiring(
        outbox_collections=("activations",),
        consumed_topics=(Topic.PAYMENTS.value,),
        make_handler=make_handler,
    )
    return create_service_app(
        title="Provider gateway",
        api_prefix=API_PREFIX,
        lifespan=service_lifespan(settings, wiring),
        readiness=runtime_readiness,
    )

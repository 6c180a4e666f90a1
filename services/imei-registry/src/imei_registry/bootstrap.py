"""Wires imei-registry: settings, database, outbox, consumer and HTTP routes (`uvicorn --factory`)."""

from __future__ import annotations

from fastapi import FastAPI

from contracts.topics import Topic
from imei_registry.config import Settings
from imei_registry.entrypoints.consumer import make_handler
from servicekit.app import create_service_app
from servicekit.lifespan import ServiceWiring, runtime_readiness, service_lifespan

API_PREFIX = "/api/imei"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    wiring = ServiceWiring(
        outbox_collections=("registrations",),
        consumed_topics=(Topic.PAYMENTS.value,),
        handled_events=frozenset(),  # nothing yet: its handlers come with its own issue
        make_handler=make_handler,
    )
    return create_service_app(
        title="IMEI registry",
        api_prefix=API_PREFIX,
        lifespan=service_lifespan(settings, wiring),
        readiness=runtime_readiness,
    )

"""Wires support-desk: settings, database, outbox, consumer and HTTP routes (`uvicorn --factory`)."""

from __future__ import annotations

from fastapi import FastAPI

from contracts.topics import Topic
from servicekit.app import create_service_app
from servicekit.lifespan import ServiceWiring, runtime_readiness, service_lifespan
from support_desk.config import Settings
from support_desk.entrypoints.consumer import make_handler

API_PREFIX = "/api/support"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    wiring = ServiceWiring(
        outbox_collections=("tickets",),
        consumed_topics=(
            Topic.RECONCILIATION.value,
            Topic.SUPPORT.value,
        ),
        handled_events=frozenset(),  # nothing yet: its handlers come with its own issue
        make_handler=make_handler,
    )
    return create_service_app(
        title="Support desk",
        api_prefix=API_PREFIX,
        lifespan=service_lifespan(settings, wiring),
        readiness=runtime_readiness,
    )

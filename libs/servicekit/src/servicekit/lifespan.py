"""One lifespan for every service: connect, start the outbox relay and the consumer, clean up."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass

from fastapi import FastAPI

from contracts.envelope import Envelope
from servicekit.app import Readiness
from servicekit.consumer import IdempotentConsumer
from servicekit.logs import configure_logging
from servicekit.outbox import create_outbox_index
from servicekit.runtime import ServiceRuntime
from servicekit.settings import ServiceSettings

log = logging.getLogger(__name__)

Handle = Callable[[Envelope], Awaitable[None]]


@dataclass(frozen=True)
class ServiceWiring:
    """What differs between services: their outboxes, the topics they read, how they start."""

    outbox_collections: Sequence[str] = ()
    consumed_topics: Sequence[str] = ()
    make_handler: Callable[[ServiceRuntime], Handle] | None = None
    on_start: Callable[[ServiceRuntime], Awaitable[None]] | None = None


def service_lifespan(
    settings: ServiceSettings, wiring: ServiceWiring
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        configure_logging(settings.service_name, settings.log_level)
        runtime = ServiceRuntime.connect(settings)
        app.state.runtime = runtime
        for name in wiring.outbox_collections:
            await create_outbox_index(runtime.database[name])
        if wiring.on_start is not None:
            await wiring.on_start(runtime)
        if wiring.outbox_collections:
            runtime.start_outbox(wiring.outbox_collections)
        if wiring.consumed_topics and wiring.make_handler is not None:
            consumer = IdempotentConsumer(
                bootstrap=settings.kafka_bootstrap,
                group_id=settings.service_name,
                topics=wiring.consumed_topics,
                database=runtime.database,
                handle=wiring.make_handler(runtime),
            )
            runtime.start_background("consumer", consumer.run)
        log.info("%s started on port %d", settings.service_name, settings.http_port)
        try:
            yield
        finally:
            await runtime.close()

    return lifespan


def runtime_readiness(app: FastAPI) -> Readiness:
    runtime: ServiceRuntime = app.state.runtime
    return runtime.readiness

"""One lifespan for every service: connect, build the service's context, start its loops, clean up."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, cast

from fastapi import FastAPI, Request

from contracts.envelope import Envelope
from servicekit.app import Readiness
from servicekit.consumer import IdempotentConsumer
from servicekit.event_handlers import EventHandlers, dispatcher, handled_types
from servicekit.logs import configure_logging
from servicekit.outbox_documents import create_outbox_index
from servicekit.runtime import ServiceRuntime
from servicekit.settings import ServiceSettings
from servicekit.tracing import configure_tracing, stop_tracing

log = logging.getLogger(__name__)

Context = TypeVar("Context")


@dataclass(frozen=True)
class ServiceWiring(Generic[Context]):
    """What differs between services. `build` makes the service's context (its repositories and
    clients) from the runtime; without it the context is the runtime itself. The context is kept
    in `app.state.context` for routes, and handed to the event handlers, the loops and `close`."""

    outbox_collections: Sequence[str] = ()
    # The fields each collection is filtered on besides `_id`: an index each, so that a query's
    # cost follows what it finds, not the collection's size (outbox_pending is added for all).
    indexes: Mapping[str, Sequence[str]] = field(default_factory=dict)
    consumed_topics: Sequence[str] = ()
    # Event type → handler: the consumer reads these types of `consumed_topics`, and skips the
    # rest unread (servicekit.event_handlers).
    event_handlers: EventHandlers[Context] = field(default_factory=dict)
    # A finer look at a handled type's event, from the event alone (no database): False skips it
    # unread too, e.g. another service's payment that the handler would only ignore.
    handles_event: Callable[[Envelope], bool] | None = None
    build: Callable[[ServiceRuntime], Awaitable[Context]] | None = None
    loops: Sequence[tuple[str, Callable[[Context], Coroutine[Any, Any, None]]]] = ()
    close: Callable[[Context], Awaitable[None]] | None = None
    on_start: Callable[[ServiceRuntime], Awaitable[None]] | None = None


def service_lifespan(
    settings: ServiceSettings, wiring: ServiceWiring[Context]
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        configure_logging(settings.service_name, settings.log_level)
        configure_tracing(settings.service_name)  # only when OTEL_EXPORTER_OTLP_ENDPOINT is set
        runtime = ServiceRuntime.connect(settings)
        app.state.runtime = runtime
        for name in wiring.outbox_collections:
            await create_outbox_index(runtime.database[name])
        for name, fields in wiring.indexes.items():
            for indexed in fields:
                await runtime.database[name].create_index(indexed)
        if wiring.on_start is not None:
            await wiring.on_start(runtime)
        if wiring.outbox_collections:
            runtime.start_outbox(wiring.outbox_collections)
        context = await wiring.build(runtime) if wiring.build else cast(Context, runtime)
        app.state.context = context
        if wiring.consumed_topics and wiring.event_handlers:
            consumer = IdempotentConsumer(
                bootstrap=settings.kafka_bootstrap,
                group_id=settings.service_name,
                topics=wiring.consumed_topics,
                database=runtime.database,
                handle=dispatcher(wiring.event_handlers, context),
                handled_types=handled_types(wiring.event_handlers),
                handles_event=wiring.handles_event,
            )
            runtime.start_background("consumer", consumer.run)
        for name, loop in wiring.loops:
            runtime.start_background(name, _bind(loop, context))
        log.info("%s started on port %d", settings.service_name, settings.http_port)
        try:
            yield
        finally:
            # Loops first (they use the context), then the context, then the connections.
            await runtime.stop_background()
            if wiring.close is not None:
                await wiring.close(context)
            await runtime.close()
            stop_tracing()  # sends the spans still buffered

    return lifespan


def _bind(
    loop: Callable[[Context], Coroutine[Any, Any, None]], context: Context
) -> Callable[[], Coroutine[Any, Any, None]]:
    return lambda: loop(context)


def runtime_readiness(app: FastAPI) -> Readiness:
    runtime: ServiceRuntime = app.state.runtime
    return runtime.readiness


def context_dependency(kind: type[Context]) -> Callable[[Request], Context]:
    """The dependency that hands a route the context `service_lifespan` built, in every service:
    `CheckoutDep = Annotated[Checkout, Depends(context_dependency(Checkout))]`."""

    def context(request: Request) -> Context:
        found = request.app.state.context
        if not isinstance(found, kind):
            raise TypeError(f"the app's context is a {type(found).__name__}, not a {kind.__name__}")
        return found

    context.__name__ = f"{kind.__name__.lower()}_context"
    return context

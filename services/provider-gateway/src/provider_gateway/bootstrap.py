"""Wires provider-gateway: settings, catalog, provider adapters, database, outbox, consumer and
HTTP routes (`uvicorn --factory provider_gateway.bootstrap:create_app`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta

import httpx
from fastapi import FastAPI

from contracts.ids import new_id
from contracts.topics import Topic
from provider_gateway.adapters.activation_repository import MongoActivationRepository
from provider_gateway.adapters.base import ProviderAdapter
from provider_gateway.adapters.osmp import OsmpAdapter
from provider_gateway.adapters.rest import RestAdapter
from provider_gateway.catalog.loader import load_catalog
from provider_gateway.config import Settings
from provider_gateway.domain.breaker import Breakers
from provider_gateway.domain.catalog import ProtocolFamily
from provider_gateway.domain.search import ServiceSearch
from provider_gateway.entrypoints import consumer
from provider_gateway.entrypoints.api import API_PREFIX, MAX_BODY_BYTES, install_api
from provider_gateway.gateway import Activations, Gateway
from provider_gateway.handlers.activator import Activator
from provider_gateway.handlers.clock import Clock, RandomFraction, SystemClock, system_random
from provider_gateway.handlers.providers import Providers
from provider_gateway.handlers.recording import ActivationRecorder
from provider_gateway.handlers.runner import ActivationRunner
from provider_gateway.handlers.unknown_checks import UnknownOutcomeChecks
from provider_gateway.metrics import BREAKER_STATES
from servicekit.app import create_service_app
from servicekit.lifespan import ServiceWiring, runtime_readiness, service_lifespan
from servicekit.runtime import ServiceRuntime

ACTIVATIONS = "activations"


def create_app(
    settings: Settings | None = None,
    *,
    adapters: Mapping[ProtocolFamily, ProviderAdapter] | None = None,
    clock: Clock | None = None,
    random_fraction: RandomFraction = system_random,
    new_event_id: Callable[[], str] = lambda: new_id("evt"),
) -> FastAPI:
    """`adapters` replace the real provider clients (tests); by default they are built at start."""
    settings = settings or Settings()
    catalog = load_catalog(settings.catalog_path)
    breakers = Breakers(
        settings.breaker_failure_threshold, timedelta(seconds=settings.breaker_cooldown_seconds)
    )
    gateway = Gateway(
        settings=settings,
        catalog=catalog,
        search=ServiceSearch(catalog),
        providers=Providers(dict(adapters or {}), breakers),
        clock=clock or SystemClock(),
        random_fraction=random_fraction,
    )

    async def build(runtime: ServiceRuntime) -> Activations:
        http = None if gateway.providers.adapters else _connect_providers(gateway)
        repository = MongoActivationRepository(
            runtime.store(ACTIVATIONS), gateway.clock.now, new_event_id
        )
        schedule = settings.unknown_check_schedule
        records = ActivationRecorder(repository, gateway.clock, schedule)
        activator = Activator(
            gateway.providers,
            settings.retry_policy,
            gateway.clock,
            gateway.random_fraction,
            records.note_answer,
        )
        runner = ActivationRunner(catalog, activator, records, gateway.clock)
        checks = UnknownOutcomeChecks(
            catalog, gateway.providers, repository, schedule, gateway.clock
        )
        return Activations(gateway, repository, runner, checks, http)

    async def close(activations: Activations) -> None:
        # Unfinished activations stop here and resume at the next start, asking `status` first.
        await activations.runner.stop()
        if activations.http is not None:
            await activations.http.aclose()

    wiring = ServiceWiring[Activations](
        outbox_collections=(ACTIVATIONS,),
        indexes={ACTIVATIONS: ("state", "next_check_at")},
        consumed_topics=(Topic.PAYMENTS.value, Topic.SUPPORT.value),
        event_handlers=consumer.EVENT_HANDLERS,
        build=build,
        loops=(
            ("resume-activations", consumer.resume_unfinished),
            ("unknown-outcome-checks", consumer.check_unknown_outcomes),
        ),
        close=close,
    )

    app = create_service_app(
        title="Provider gateway",
        api_prefix=API_PREFIX,
        lifespan=service_lifespan(settings, wiring),
        readiness=runtime_readiness,
        max_body_bytes=MAX_BODY_BYTES,
    )
    app.state.gateway = gateway
    BREAKER_STATES.breakers = breakers
    install_api(app)
    return app


def _connect_providers(gateway: Gateway) -> httpx.AsyncClient:
    """One HTTP client shared by both protocol families; closed with the service."""
    settings = gateway.settings
    timeout = settings.provider_timeout_seconds
    client = httpx.AsyncClient(timeout=timeout)
    gateway.providers.adapters = {
        ProtocolFamily.OSMP: OsmpAdapter(client, settings.providers_url, timeout=timeout),
        ProtocolFamily.REST: RestAdapter(
            client,
            settings.providers_url,
            settings.provider_secret.get_secret_value(),
            timeout=timeout,
        ),
    }
    return client

"""What the routes and the consumer share in one running provider-gateway, built by bootstrap."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from provider_gateway.adapters.activation_repository import ActivationRepository
from provider_gateway.config import Settings
from provider_gateway.domain.catalog import Catalog
from provider_gateway.domain.search import ServiceSearch
from provider_gateway.handlers.clock import Clock, RandomFraction
from provider_gateway.handlers.providers import Providers
from provider_gateway.handlers.runner import ActivationRunner
from provider_gateway.handlers.unknown_checks import UnknownOutcomeChecks


@dataclass
class Gateway:
    """Made with the app, so the catalog routes work before (and without) the database."""

    settings: Settings
    catalog: Catalog
    search: ServiceSearch
    providers: Providers  # adapters are filled in when the app starts, unless given
    clock: Clock
    random_fraction: RandomFraction


@dataclass(frozen=True)
class Activations:
    """Made once the database is connected: the context of the consumer and of the loops."""

    gateway: Gateway
    repository: ActivationRepository
    runner: ActivationRunner
    unknown_checks: UnknownOutcomeChecks
    http: httpx.AsyncClient | None = None  # ours to close; None when tests passed adapters in

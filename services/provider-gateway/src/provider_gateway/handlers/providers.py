"""The providers as the handlers see them: one adapter per protocol family, each behind breakers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from provider_gateway.adapters.base import ProviderAdapter
from provider_gateway.domain.breaker import Breakers, CircuitBreaker
from provider_gateway.domain.catalog import ProtocolFamily, Service


@dataclass
class Providers:
    adapters: Mapping[ProtocolFamily, ProviderAdapter]
    breakers: Breakers

    def adapter_for(self, service: Service) -> ProviderAdapter:
        return self.adapters[service.protocol]

    def breaker_for(self, service: Service) -> CircuitBreaker:
        return self.breakers.of(service.protocol.value, service.id)

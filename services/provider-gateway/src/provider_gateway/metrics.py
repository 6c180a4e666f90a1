"""What ops ask of provider-gateway: how each provider answers, how activations end, and which
circuit breakers are open (read from the breakers themselves when Prometheus scrapes)."""

from __future__ import annotations

from collections.abc import Iterator

from prometheus_client import REGISTRY, Counter
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from provider_gateway.domain.breaker import Breakers, BreakerState

PROVIDER_CALLS = Counter(
    "provider_calls_total",
    "Calls to a provider (pay or status) by the answer they got",
    ["service", "call", "answer"],
)
ACTIVATION_OUTCOMES = Counter(
    "activation_outcomes_total",
    "Activations that ended activated or failed, or became unknown at the deadline",
    ["service", "outcome"],
)


class BreakerStates(Collector):
    """`provider_breaker_open{service}`: 1 while a provider's breaker is open or half open."""

    def __init__(self) -> None:
        self.breakers: Breakers | None = None  # the running app's; tests make several apps

    def collect(self) -> Iterator[GaugeMetricFamily]:
        family = GaugeMetricFamily(
            "provider_breaker_open",
            "1 while calls to the provider are held back by its circuit breaker",
            labels=["service"],
        )
        states = self.breakers.states() if self.breakers is not None else {}
        for service_id, state in sorted(states.items()):
            family.add_metric([service_id], 0.0 if state is BreakerState.CLOSED else 1.0)
        yield family


BREAKER_STATES = BreakerStates()
REGISTRY.register(BREAKER_STATES)

"""Prometheus metrics every service exposes at /metrics."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from prometheus_client import Counter, Gauge, Histogram

HTTP_REQUESTS = Counter(
    "http_requests_total", "HTTP requests answered", ["method", "route", "status"]
)
HTTP_LATENCY = Histogram(
    "http_request_duration_seconds",
    "Time to answer an HTTP request",
    ["method", "route"],
    buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
EVENTS_PUBLISHED = Counter("events_published_total", "Events published from the outbox", ["type"])
OUTBOX_FAILURES = Counter("outbox_publish_failures_total", "Outbox passes that failed")
EVENTS_CONSUMED = Counter("events_consumed_total", "Events taken from Kafka", ["type", "outcome"])
OUTBOX_BACKLOG = Gauge(
    "outbox_backlog_events", "Events stored but not yet published, as of the last sweep", ["outbox"]
)
OUTBOX_OLDEST = Gauge(
    "outbox_oldest_unsent_seconds",
    "Age of the oldest event still waiting in the outbox at the last sweep (0 when none)",
    ["outbox"],
)
CONSUMER_LAG = Gauge(
    "consumer_lag_events",
    "Events on a partition this consumer has not read yet",
    ["group", "topic", "partition"],
)
DEAD_LETTERS = Counter(
    "dead_letters_total", "Events parked in dead_letters (never dropped)", ["topic", "type"]
)


def observe_outbox(outbox: str, unsent: Sequence[Mapping[str, Any]], now: datetime) -> None:
    """What ops watch: how many events wait and for how long (a broker away makes both grow)."""
    times = [datetime.fromisoformat(str(raw["time"])) for raw in unsent if raw.get("time")]
    OUTBOX_BACKLOG.labels(outbox=outbox).set(len(unsent))
    OUTBOX_OLDEST.labels(outbox=outbox).set(
        max((now - min(times)).total_seconds(), 0.0) if times else 0.0
    )

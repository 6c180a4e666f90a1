"""Prometheus metrics every service exposes at /metrics."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

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

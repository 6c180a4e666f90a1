"""Counters the worker exposes at /metrics (Prometheus text format)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge

EVENTS_READ = Counter(
    "reconciler_events_total", "Payment and activation events read", ["type", "outcome"]
)
MISMATCHES_DETECTED = Counter(
    "reconciler_mismatches_detected_total", "mismatch-detected events sent", ["kind"]
)
MISMATCHES_CLEARED = Counter(
    "reconciler_mismatches_cleared_total", "mismatch-cleared events sent", ["kind"]
)
CHECKS_REQUESTED = Counter("reconciler_checks_requested_total", "Checks the sweep asked for")
SWEEPS = Counter("reconciler_sweeps_total", "Deadline sweeps run (each asks for the checks due)")
PAYMENTS_TRACKED = Gauge("reconciler_payments_tracked", "Payments in this worker's table")
CHANGELOG_RETRIES = Counter(
    "reconciler_changelog_retries_total",
    "Facts-table changelog writes the broker refused and that were sent again",
)
MISMATCHES_OPEN = Gauge(
    "reconciler_mismatches_open",
    "Mismatches sent and not yet cleared, of the kinds a later event clears, by kind and age "
    "(from this worker's table, so a restart does not reset it)",
    ["kind", "age"],
)

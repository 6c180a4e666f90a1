"""What one `make bench` run measured, and the text it prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from devstack.bench.figures import latency_line


@dataclass
class Run:
    customers: int
    idle_bytes: int = 0
    busy_bytes: int = 0
    kafka: dict[str, float] = field(default_factory=dict)
    mongo: dict[str, float] = field(default_factory=dict)
    lookups: dict[int, dict[str, list[float]]] = field(default_factory=dict)
    closed: dict[str, Any] = field(default_factory=dict)
    events: int = 0
    open: dict[str, Any] = field(default_factory=dict)
    steady: dict[str, Any] = field(default_factory=dict)
    open_stored: dict[str, Any] = field(default_factory=dict)
    settle_seconds: float = 0.0
    stored: int = 0
    first_page: list[float] = field(default_factory=list)


def report(run: Run) -> str:
    closed_rate = run.closed["completed"] / run.closed["drained_seconds"]
    events_rate = run.events / run.closed["drained_seconds"]
    produce = run.kafka["produce_per_second"]
    lines = [
        "Baseline on this machine, same run (bare clients, no services in the way):",
        f"  Kafka, event-sized messages (acks=all, idempotent)  produce {produce:8.0f}/s   "
        f"consume {run.kafka['consume_per_second']:8.0f}/s",
        f"  Mongo wire (FerretDB over PostgreSQL), 32 callers  insert {run.mongo['insert_one']:6.0f}/s   "
        f"find {run.mongo['find_one']:6.0f}/s   update {run.mongo['update_one']:6.0f}/s",
        "",
        f"Closed loop: {run.customers} customers for {run.closed['load_seconds']:.0f}s through the gateway",
        *_payments(run.closed),
        f"  completed payments/s          {closed_rate:7.1f}   (completed / time until all finished)",
        f"  events written/s              {events_rate:7.1f}   = {events_rate / produce:.1%} of bare "
        f"Kafka produce ({run.events / max(run.closed['completed'], 1):.1f} events a payment)",
        "",
        *_open_loop(run.open, "Open loop"),
        "",
        *_open_loop(run.steady, "Open loop below saturation"),
        "",
        "The database as checkout's payments collection grows (one call at a time):",
        *(
            line
            for size, latencies in sorted(run.lookups.items())
            for line in (
                latency_line(f"find_one(_id) at {size:>9,}", latencies["find_one_by_id"]),
                latency_line(f"guarded update at {size:>9,}", latencies["guarded_update"]),
            )
        ),
    ]
    if run.open_stored:
        title = (
            f"The same with {run.stored:,} payments stored "
            f"(after {run.settle_seconds:.0f}s of PostgreSQL's autovacuum on the bulk load)"
        )
        lines += ["", *_open_loop(run.open_stored, title)]
    lines += [
        "",
        f"  resident memory of the stack  idle {run.idle_bytes / 2**20:.0f} MiB, "
        f"after the loads {run.busy_bytes / 2**20:.0f} MiB",
        latency_line("first page usable (Chromium)", run.first_page),
    ]
    return "\n".join(lines)


def _payments(figures: dict[str, Any]) -> list[str]:
    return [
        f"  created {figures['created']}, completed {figures['completed']}, failed "
        f"{figures['failed']}, unfinished {figures['unfinished']}",
        latency_line("create payment (HTTP)", figures["create_seconds"]),
        latency_line("debit → completion", figures["debit_to_completion_seconds"]),
    ]


def _open_loop(figures: dict[str, Any], title: str) -> list[str]:
    offered = figures["rate"]
    achieved = figures["completed"] / figures["drained_seconds"]
    return [
        f"{title}: {offered:.0f} payments/s arriving for {figures['load_seconds']:.0f}s "
        f"(latency counted from each payment's due time)",
        *_payments(figures),
        f"  completed payments/s          {achieved:7.1f}   (offered {offered:.0f}/s)",
    ]

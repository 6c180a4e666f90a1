"""The worker's web pages: readiness, Prometheus counters, and what it knows about a payment."""

from __future__ import annotations

import faust
from faust.web import Request, Response, View
from prometheus_client import generate_latest

from reconciler.handlers import Reconciler


def add_pages(app: faust.App, reconciler: Reconciler) -> None:
    @app.page("/healthz")
    async def healthz(view: View, _request: Request) -> Response:
        return view.json({"status": "ok"})

    @app.page("/metrics")
    async def metrics(view: View, _request: Request) -> Response:
        # aiohttp wants the charset apart from the content type; the exposition format is ASCII.
        return view.bytes(generate_latest(), content_type="text/plain; version=0.0.4")

    @app.page("/payments/{payment_id}")
    async def payment_facts(view: View, _request: Request, payment_id: str) -> Response:
        """What this worker knows: with several workers, ask the one owning the partition."""
        known = reconciler.facts(payment_id)
        if known is None:
            return view.json({"error": "unknown_payment", "payment_id": payment_id}, status=404)
        # Whom to write to is support-desk's business, not an operator's page.
        return view.json(known.model_dump(mode="json", exclude={"customer_email"}))

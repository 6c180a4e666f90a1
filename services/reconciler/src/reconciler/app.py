"""The Faust app: reads payment and activation events, co-partitioned by payment id."""

from __future__ import annotations

import logging
from typing import Any

import faust
from faust.web import Request, Response, View

from contracts.topics import PARTITIONS, Topic
from reconciler.config import Settings

log = logging.getLogger(__name__)


def create_app(settings: Settings) -> faust.App:
    app = faust.App(
        settings.service_name,
        broker=f"kafka://{settings.kafka_bootstrap}",
        store="memory://",
        datadir=settings.data_dir,
        topic_partitions=PARTITIONS,
        topic_allow_declare=False,
        topic_disable_leader=True,
        web_host=settings.http_host,
        web_port=settings.http_port,
        web_in_thread=False,
        consumer_auto_offset_reset="earliest",
        # A worker that died leaves the group within seconds, so a restart does not wait a minute.
        broker_session_timeout=10.0,
        broker_heartbeat_interval=2.0,
    )
    payments = app.topic(Topic.PAYMENTS.value, value_serializer="raw", key_serializer="raw")
    activations = app.topic(Topic.ACTIVATIONS.value, value_serializer="raw", key_serializer="raw")

    @app.agent(payments)
    async def watch_payments(stream: Any) -> None:
        async for event in stream.events():
            log.debug("payment event at offset %s", event.message.offset)

    @app.agent(activations)
    async def watch_activations(stream: Any) -> None:
        async for event in stream.events():
            log.debug("activation event at offset %s", event.message.offset)

    @app.page("/healthz")
    async def healthz(view: View, _request: Request) -> Response:
        return view.json({"status": "ok"})

    return app

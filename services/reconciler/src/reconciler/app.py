"""The Faust app: payment and activation events, co-partitioned by payment id, into one table.

Topics (4 partitions each, created up front): `payments.v1` and `activations.v1` in (and its own
`reconciliation.v1` read back, to learn an alert it sent but did not store),
`reconciler-checks` from the sweep timer to the check agent, `reconciler-payment-facts-changelog`
behind the table (written through, see `facts_table`), `reconciliation.v1` out. Timers never write
the table: the sweep only reads it and sends a check, keyed by payment id, that the check agent
(owner of the partition) acts on.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import faust
from faust.types import TP
from mode.types.signals import BaseSignalT

from contracts.envelope import Envelope, UnknownEventError, from_kafka, to_kafka
from contracts.topics import PARTITIONS, Topic
from reconciler.config import Settings
from reconciler.domain.kinds import CLEARABLE
from reconciler.domain.open_alerts import Age, open_alerts
from reconciler.facts_table import WrittenThroughTable
from reconciler.handlers import Reconciler
from reconciler.metrics import (
    CHECKS_REQUESTED,
    EVENTS_READ,
    MISMATCHES_OPEN,
    PAYMENTS_TRACKED,
    SWEEPS,
)
from reconciler.progress import StreamProgress
from reconciler.recovery import SeekFirstTableManager
from reconciler.sweep import Sweeper
from reconciler.topics import APP_ID, CHECKS, FACTS_TABLE
from reconciler.web import add_pages
from reconciler.worker import QuietWorker
from servicekit.tracing import consuming, published_headers

log = logging.getLogger(__name__)
SOURCE_TOPICS = (Topic.PAYMENTS.value, Topic.ACTIVATIONS.value)


def _utc_now() -> datetime:
    return datetime.now(UTC)


def create_app(settings: Settings) -> faust.App:
    app = faust.App(
        APP_ID,
        broker=f"kafka://{settings.kafka_bootstrap}",
        # The memory store is rebuilt from the changelog at every start.
        store="memory://",
        datadir=settings.data_dir,
        topic_partitions=PARTITIONS,
        topic_allow_declare=False,
        topic_disable_leader=True,
        table_standby_replicas=0,
        web_host=settings.http_host,
        web_port=settings.http_port,
        web_in_thread=False,
        consumer_auto_offset_reset="earliest",
        # A worker that died leaves the group within seconds, so a restart does not wait a minute.
        # (6 s is the broker's minimum). SIGTERM stops it in about 3 s: a rebalance or shutdown
        # does not wait for buffered events, which the next owner reads again (steps are idempotent).
        broker_session_timeout=6.0,
        broker_heartbeat_interval=1.0,
        broker_commit_interval=1.0,
        stream_wait_empty=False,
        Worker=QuietWorker,
        # Streams sought to their committed offsets before any record reaches them (see recovery).
        TableManager=SeekFirstTableManager,
    )
    raw: dict[str, Any] = {"key_serializer": "raw", "value_serializer": "raw"}
    payments = app.topic(Topic.PAYMENTS.value, **raw)
    activations = app.topic(Topic.ACTIVATIONS.value, **raw)
    checks = app.topic(CHECKS, partitions=PARTITIONS, **raw)
    reconciliation = app.topic(Topic.RECONCILIATION.value, **raw)
    facts = app.Table(
        FACTS_TABLE,
        partitions=PARTITIONS,
        schema=faust.Schema(key_serializer="json", value_serializer="json"),
    )
    progress = StreamProgress(
        SOURCE_TOPICS, lambda t, p: _end_offset(app, t, p), lambda t, p: _resume_offset(app, t, p)
    )

    async def publish(envelope: Envelope) -> None:
        key, value, headers = to_kafka(envelope)
        headers += published_headers(envelope)  # its trace context, when tracing
        delivery = await reconciliation.send(key=key, value=value, headers=headers)
        await delivery  # acknowledged by the broker before the table records it as sent

    reconciler = Reconciler(WrittenThroughTable(facts), publish, progress, settings, _utc_now)

    async def read_events(stream: Any) -> None:
        async for event in stream.events():
            message = event.message
            headers = list(message.headers or ())
            try:
                envelope = from_kafka(headers, event.value or b"")
            except UnknownEventError as error:
                EVENTS_READ.labels("unreadable", "skipped").inc()
                log.warning("skipping %s@%s: %s", message.topic, message.offset, error)
            else:
                with consuming(envelope, message.topic, headers):  # child of the writer's span
                    await reconciler.on_event(message.partition, envelope)
            progress.handled(message.topic, message.partition, message.offset, message.timestamp)

    app.agent(payments, name="read-payments")(read_events)
    app.agent(activations, name="read-activations")(read_events)
    # Its own alerts read back: one sent by a worker killed before it stored it is learnt again.
    app.agent(reconciliation, name="read-own-alerts")(read_events)

    @app.agent(checks, name="check-payments")
    async def check_payments(stream: Any) -> None:
        async for event in stream.events():
            await reconciler.on_check(event.message.partition, event.key.decode())

    # A check that found the streams behind is asked again soon: the backlog is usually short.
    sweeper = Sweeper(resend_after=max(0.5, 2 * settings.reconciliation_sweep_seconds))

    async def sweep() -> None:
        entries, now = list(facts.items()), _utc_now()
        due = sweeper.due(entries, now)
        PAYMENTS_TRACKED.set(len(facts))
        counted = open_alerts(entries, now)
        for kind in CLEARABLE:
            for age in Age:
                MISMATCHES_OPEN.labels(kind.value, age.value).set(counted[(kind, age)])
        for payment_id in due:
            await checks.send(key=payment_id.encode(), value=b"check")
        CHECKS_REQUESTED.inc(len(due))
        SWEEPS.inc()

    app.timer(settings.reconciliation_sweep_seconds, name="sweep-deadlines")(sweep)

    async def forget_progress(
        _sender: Any, /, *_revoked: Any, signal: BaseSignalT[Any], **_kwargs: Any
    ) -> None:
        del signal  # any rebalance: the partitions' progress may have moved elsewhere
        progress.forget_partitions()

    app.on_partitions_revoked.connect(forget_progress)

    add_pages(app, reconciler)
    return app


def _end_offset(app: faust.App, topic: str, partition: int) -> int | None:
    try:
        end = app.consumer.highwater(TP(topic, partition))
    except (AssertionError, AttributeError, KeyError, RuntimeError):
        return None  # not assigned here, or not fetched yet
    return int(end) if end is not None else None


def _resume_offset(app: faust.App, topic: str, partition: int) -> int | None:
    committed = getattr(app.consumer, "_committed_offset", {})
    offset = committed.get(TP(topic, partition)) if hasattr(committed, "get") else None
    return int(offset) if offset is not None else None

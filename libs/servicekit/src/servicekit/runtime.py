"""What a running service holds: its database, its producer, its outbox relay and its consumer."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError
from pymongo import AsyncMongoClient
from pymongo.asynchronous.database import AsyncDatabase

from servicekit.kafka import create_producer
from servicekit.locks import AggregateLocks
from servicekit.mongo import Document, create_mongo_client, database_is_reachable
from servicekit.outbox import OutboxRelay
from servicekit.settings import ServiceSettings
from servicekit.store import AggregateStore

log = logging.getLogger(__name__)


@dataclass
class ServiceRuntime:
    """Built in the app's lifespan; background tasks are started by `start_background`."""

    settings: ServiceSettings
    client: AsyncMongoClient[Document]
    database: AsyncDatabase[Document]
    producer: AIOKafkaProducer
    producer_started: asyncio.Event = field(default_factory=asyncio.Event)
    tasks: list[asyncio.Task[None]] = field(default_factory=list)
    locks: AggregateLocks = field(default_factory=AggregateLocks)
    relay: OutboxRelay | None = None

    @classmethod
    def connect(cls, settings: ServiceSettings) -> ServiceRuntime:
        client = create_mongo_client(settings.mongo_url)
        return cls(
            settings=settings,
            client=client,
            database=client[settings.database_name],
            producer=create_producer(settings.kafka_bootstrap, settings.service_name),
        )

    def start_background(self, name: str, work: Callable[[], Coroutine[Any, Any, None]]) -> None:
        self.tasks.append(asyncio.create_task(_supervised(name, work), name=name))

    def start_outbox(self, collection_names: Sequence[str]) -> OutboxRelay:
        relay = OutboxRelay(
            [self.database[name] for name in collection_names],
            self.producer,
            self.locks,
            self.settings.outbox_sweep_seconds,
        )
        self.relay = relay

        async def publish_when_connected() -> None:
            await self.producer_started.wait()
            await relay.run()

        self.start_background("kafka-producer", self._start_producer)
        self.start_background("outbox-relay", publish_when_connected)
        return relay

    def store(self, collection_name: str) -> AggregateStore:
        """The aggregate store of one outbox collection; `start_outbox` must have named it."""
        if self.relay is None:
            raise RuntimeError("start_outbox before asking for a store")
        return AggregateStore(
            self.database[collection_name],
            self.locks,
            self.relay,
            f"/services/{self.settings.service_name}",
        )

    async def _start_producer(self) -> None:
        delay = 0.5
        while True:
            try:
                await self.producer.start()
                self.producer_started.set()
                return
            except KafkaError:
                log.warning("Kafka not reachable yet; retrying in %.1fs", delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)

    async def readiness(self) -> dict[str, bool]:
        checks = {"database": await database_is_reachable(self.database), "kafka": False}
        if self.producer_started.is_set():
            with contextlib.suppress(Exception):
                checks["kafka"] = bool(
                    await asyncio.wait_for(self.producer.client.force_metadata_update(), 2)
                )
        return checks

    async def stop_background(self) -> None:
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)

    async def close(self) -> None:
        await self.stop_background()
        # Also when it never finished starting: a half-started client still holds sockets.
        with contextlib.suppress(Exception):
            await self.producer.stop()
        await self.client.close()


async def _supervised(name: str, work: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """Restarts a background loop that crashed, so one bad moment does not stop a service."""
    while True:
        try:
            await work()
            return
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("background task %s crashed; restarting in 1s", name)
            await asyncio.sleep(1)

"""The facts table written through: a payment's new facts are in the changelog, acknowledged by
the broker, before the step that changed them ends (and before its event may be committed).

Faust's own `table[key] = value` only queues the changelog record, and the commit before a
consumer's offsets does not wait for that queue to drain (faust-streaming 0.15: the producer
buffer's flush gives up after 0.1 s without progress). While the broker was away the queue grew;
the offsets of the events behind it were committed; a SIGKILL then lost the queued records, and
the restarted worker recovered a table without the alerts it had sent: a `mismatch-detected`
that no `mismatch-cleared` ever followed. Here each record is sent and awaited, retried until
the broker takes it, so what is committed is always in the changelog.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Final

from aiokafka.errors import KafkaError
from faust.exceptions import ProducerSendError
from faust.types import TableT

from reconciler.metrics import CHANGELOG_RETRIES

log = logging.getLogger(__name__)

FIRST_PAUSE: Final = 0.1
LONGEST_PAUSE: Final = 2.0


class WrittenThroughTable:
    """Payment id → facts as JSON; reads are local, writes wait for the changelog."""

    def __init__(self, table: TableT[str, Any]) -> None:
        self._table = table

    def get(self, payment_id: str) -> dict[str, Any] | None:
        stored: dict[str, Any] | None = self._table.data.get(payment_id)
        return stored

    async def put(self, partition: int, payment_id: str, facts: dict[str, Any]) -> None:
        await self._changelog(partition, payment_id, facts, "json")
        self._table.data[payment_id] = facts

    async def forget(self, partition: int, payment_id: str) -> None:
        await self._changelog(partition, payment_id, None, "raw")  # a tombstone, as Faust's del
        self._table.data.pop(payment_id, None)

    async def _changelog(
        self, partition: int, payment_id: str, value: dict[str, Any] | None, serializer: str
    ) -> None:
        pause = FIRST_PAUSE
        while True:
            try:
                delivery = await self._table.changelog_topic.send(
                    key=payment_id,
                    value=value,
                    partition=partition,
                    key_serializer="json",
                    value_serializer=serializer,
                )
                await delivery
                return
            except (KafkaError, ProducerSendError) as error:
                # Moving on would let the event's offset be committed without its facts.
                CHANGELOG_RETRIES.inc()
                log.warning("changelog write for %s refused (%r); retrying", payment_id, error)
                await asyncio.sleep(pause)
                pause = min(pause * 2, LONGEST_PAUSE)

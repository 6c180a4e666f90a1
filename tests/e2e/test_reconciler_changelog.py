"""A reconciler whose table changelog refused its writes for a while, then was killed, still
clears the mismatch it raised: what it committed as read is always in its changelog (`make chaos`
once ended with a `mismatch-detected` never cleared, after the broker and then the reconciler
were killed). The broker refusing records on the changelog (a tiny `max.message.bytes`) stands
for the writes a broker outage swallowed; the rest is the real system."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from contracts.topics import PARTITIONS, Topic
from devstack.stack import Stack
from reconciler.topics import APP_ID, FACTS_CHANGELOG
from tests.e2e.portal import Portal
from tests.e2e.test_reconciliation import DEADLINE, ReconciliationFeed, feed, pay

__all__ = ["feed"]  # the fixture, used by name

PAYMENTS = [TopicPartition(Topic.PAYMENTS.value, p) for p in range(PARTITIONS)]


async def test_a_mismatch_is_cleared_after_a_crash_that_followed_refused_changelog_writes(
    portal: Portal, feed: ReconciliationFeed, system: Stack
) -> None:
    await portal.provider_fault("connect", complete_after_seconds=DEADLINE + 20)
    try:
        async with changelog_refusing_records(system.kafka_bootstrap):
            read_before = await events_read(system, "payment-initiated")
            payment_id = await pay(portal, "connect", "5.00")
            await portal.wait_for_state(payment_id, {"debited"}, seconds=15)
            read_through = await end_offsets(system.kafka_bootstrap)
            # Its first event is read: the write of its facts has met the refusing changelog.
            read = await portal.wait_until(
                lambda: events_read(system, "payment-initiated"), lambda n: n > read_before
            )
            assert read > read_before, "the reconciler did not read the payment"
        # The reconciler restarts from what it committed as read: wait until that covers the debit.
        offsets = await portal.wait_until(
            lambda: committed(system.kafka_bootstrap), lambda c: covers(c, read_through), 60
        )
        assert covers(offsets, read_through), (offsets, read_through)
        system.processes["reconciler"].kill()
        await asyncio.to_thread(system.restart, "reconciler")

        await feed.wait_for(payment_id, "mismatch-detected", seconds=DEADLINE + 30)
        await feed.wait_for(payment_id, "mismatch-cleared", seconds=60)
    finally:
        await portal.clear_provider_faults("connect")
    await asyncio.sleep(1.5)  # a doubled event would come from the sweep's next checks

    assert feed.count(payment_id) == {"mismatch-detected": 1, "mismatch-cleared": 1}
    assert feed.first(payment_id, "mismatch-cleared").data["cleared_by"] == "provider-activated"


@asynccontextmanager
async def changelog_refusing_records(bootstrap: str) -> AsyncIterator[None]:
    # AlterConfigs replaces a topic's whole set of overrides: compaction is named each time.
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await _set(admin, {"cleanup.policy": "compact", "max.message.bytes": "1"})
        try:
            yield
        finally:
            await _set(admin, {"cleanup.policy": "compact"})
    finally:
        await admin.close()


async def _set(admin: AIOKafkaAdminClient, configs: dict[str, str]) -> None:
    await admin.alter_configs(
        [ConfigResource(ConfigResourceType.TOPIC, name=FACTS_CHANGELOG, configs=configs)]
    )


async def events_read(system: Stack, event_type: str) -> float:
    async with httpx.AsyncClient() as client:
        text = (await client.get(f"http://127.0.0.1:{system.ports.reconciler}/metrics")).text
    prefix = f'reconciler_events_total{{outcome="applied",type="{event_type}"}} '
    return sum(float(line.split()[-1]) for line in text.splitlines() if line.startswith(prefix))


async def end_offsets(bootstrap: str) -> dict[TopicPartition, int]:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap)
    await consumer.start()
    try:
        ends: dict[TopicPartition, int] = await consumer.end_offsets(PAYMENTS)
        return ends
    finally:
        await consumer.stop()


async def committed(bootstrap: str) -> dict[TopicPartition, int]:
    """The reconciler group's committed offsets on the payments topic."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        offsets = await admin.list_consumer_group_offsets(APP_ID, partitions=PAYMENTS)
    finally:
        await admin.close()
    return {tp: meta.offset for tp, meta in offsets.items()}


def covers(offsets: dict[TopicPartition, int], ends: dict[TopicPartition, int]) -> bool:
    """Every record up to `ends` is committed as read (an empty partition has nothing to commit)."""
    return all(offsets.get(tp, -1) >= end for tp, end in ends.items() if end > 0)

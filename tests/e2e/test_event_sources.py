"""Ops reading the streams can tell who said what: every event of a paid payment names the
service that published it in one form, `/services/<name>`, whichever service it was."""

from __future__ import annotations

import pytest
from aiokafka import AIOKafkaConsumer
from aiokafka.structs import TopicPartition

from contracts.envelope import from_kafka
from contracts.topics import PARTITIONS, Topic
from devstack.stack import Stack
from tests.e2e.portal import Portal, unique_phone

pytestmark = pytest.mark.e2e

PUBLISHERS = {
    "payment-initiated": "/services/checkout",
    "card-debited": "/services/checkout",
    "provider-activated": "/services/provider-gateway",
    "payment-completed": "/services/checkout",
}


async def test_every_event_of_a_payment_names_its_service_in_one_form(
    portal: Portal, system: Stack
) -> None:
    created = await portal.start_payment("azercell", unique_phone("50"), "2.00")
    await portal.pay_on_bank_page(created["payment_page_url"])
    view = await portal.wait_for_state(created["payment_id"], {"completed"})
    assert view["state"] == "completed", view
    sources = await _sources_of(system, created["payment_id"])
    assert {kind: sources.get(kind) for kind in PUBLISHERS} == PUBLISHERS


async def _sources_of(system: Stack, payment_id: str) -> dict[str, str]:
    consumer = AIOKafkaConsumer(bootstrap_servers=system.kafka_bootstrap, group_id=None)
    await consumer.start()
    found: dict[str, str] = {}
    try:
        partitions = [
            TopicPartition(t.value, p)
            for t in (Topic.PAYMENTS, Topic.ACTIVATIONS)
            for p in range(PARTITIONS)
        ]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        while [tp for tp, end in ends.items() if await consumer.position(tp) < end]:
            for records in (await consumer.getmany(timeout_ms=500)).values():
                for record in records:
                    envelope = from_kafka(list(record.headers), record.value or b"")
                    if envelope.subject == payment_id:
                        found[envelope.type] = envelope.source
    finally:
        await consumer.stop()
    return found

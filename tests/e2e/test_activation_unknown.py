"""Unknown is not failed: a provider silent past the activation deadline leaves the payment debited
(`activation-unknown`, no refund) while provider-gateway keeps asking; the provider's later word
decides: completed → the payment completes, never received → refunded once."""

from __future__ import annotations

from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from contracts.envelope import from_kafka
from contracts.topics import PARTITIONS, Topic
from devstack.stack import Stack
from devstack.testing import TEST_TIMINGS
from tests.e2e.portal import FINAL_STATES, Portal, unique_phone

pytestmark = [pytest.mark.e2e, pytest.mark.money]

DEADLINE = float(TEST_TIMINGS["PORTAL_ACTIVATION_DEADLINE_SECONDS"])


async def activation_events(system: Stack, payment_id: str) -> list[str]:
    """The types of the payment's events on activations.v1 so far, in order, each event once (the
    outbox relay publishes at least once: a copy has the same id, and consumers skip it)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=system.kafka_bootstrap, group_id=None)
    await consumer.start()
    found: list[str] = []
    seen: set[str] = set()
    try:
        partitions = [TopicPartition(Topic.ACTIVATIONS.value, p) for p in range(PARTITIONS)]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        while [tp for tp, end in ends.items() if await consumer.position(tp) < end]:
            for records in (await consumer.getmany(timeout_ms=500)).values():
                for record in records:
                    envelope = from_kafka(list(record.headers), record.value or b"")
                    if envelope.subject == payment_id and envelope.id not in seen:
                        seen.add(envelope.id)
                        found.append(envelope.type)
    finally:
        await consumer.stop()
    return found


async def debited_then_unknown(
    portal: Portal, system: Stack, service_id: str, phone: str, **faults: Any
) -> str:
    """A card debited for a provider given `faults`; returns the payment id once its activation
    was reported unknown, after checking that nothing was refunded by then."""
    created = await portal.start_payment(service_id, phone, "6.00")
    payment_id: str = created["payment_id"]
    await portal.provider_fault(service_id, **faults)
    await portal.pay_on_bank_page(created["payment_page_url"])
    assert (await portal.wait_for_state(payment_id, {"debited", *FINAL_STATES}))[
        "state"
    ] == "debited"

    told = await portal.wait_until(
        lambda: activation_events(system, payment_id),
        lambda types: "activation-unknown" in types,
        DEADLINE + 15,
    )
    assert told == ["activation-unknown"]
    view = await portal.payment(payment_id)
    assert view["state"] == "debited", view["history"]  # not refund_pending: nothing refunded
    assert (await portal.bank_ledger(payment_id))["refunds"] == 0
    return payment_id


async def test_a_provider_silent_past_the_deadline_that_completes_later_completes_the_payment(
    portal: Portal, system: Stack
) -> None:
    # "In progress" for 8 s past the deadline, then completed; the checks come every 3 s.
    try:
        payment_id = await debited_then_unknown(
            portal, system, "nar", unique_phone("70"), complete_after_seconds=DEADLINE + 8
        )
        view = await portal.wait_for_state(payment_id, FINAL_STATES, seconds=40)
    finally:
        await portal.clear_provider_faults("nar")
    assert view["state"] == "completed", view["history"]
    assert await activation_events(system, payment_id) == [
        "activation-unknown",
        "provider-activated",
    ]
    bank = await portal.bank_ledger(payment_id)
    assert (bank["debits"], bank["refunds"]) == (1, 0)
    provider = await portal.provider_ledger("nar", payment_id)
    assert (provider["pay_calls"], provider["payments_recorded"]) == (1, 1)


async def test_a_provider_silent_past_the_deadline_that_never_got_the_pay_is_refunded_once(
    portal: Portal, system: Stack
) -> None:
    # Every call waits past provider-gateway's 2 s timeout, and the pay is never recorded.
    try:
        payment_id = await debited_then_unknown(
            portal, system, "bakcell", unique_phone("55"), latency_ms=2500, timeouts=100
        )
    finally:
        await portal.clear_provider_faults("bakcell")  # it answers again: "no such transaction"
    view = await portal.wait_for_state(payment_id, FINAL_STATES, seconds=40)
    assert view["state"] == "refunded", view["history"]
    assert await activation_events(system, payment_id) == [
        "activation-unknown",
        "activation-failed",
    ]
    bank = await portal.bank_ledger(payment_id)
    assert (bank["debits"], bank["refunds"]) == (1, 1)
    assert (await portal.provider_ledger("bakcell", payment_id))["payments_recorded"] == 0

"""Two processes of every HTTP service share one database and one consumer group. The bank's
callback arriving at both checkout replicas at once, and every event delivered again to both
replicas of its consumers, still make one debit, one activation, one refund, one case."""

from __future__ import annotations

import asyncio
from collections import Counter

import httpx
import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.structs import ConsumerRecord

from contracts.envelope import from_kafka
from contracts.ids import new_id
from contracts.topics import PARTITIONS, Topic
from devstack.stack import Stack
from tests.e2e.portal import FINAL_STATES, Portal, unique_phone
from tests.e2e.test_callbacks_and_keys import debit_callback, signed
from tests.e2e.test_support import cases_of, debited_not_activated, publish, sign_in, wrap
from tests.e2e.topics import every_record

pytestmark = pytest.mark.e2e

RACES = 12  # payments, each with its callback at both replicas at once
COPIES_PER_REPLICA = 2


async def test_one_callback_at_both_checkout_replicas_at_once_debits_and_activates_once(
    portal: Portal, system: Stack
) -> None:
    replicas = system.ports_of("checkout")
    assert len(replicas) == 2
    await bank_faults(portal, callback_delay_ms=4_000)  # the bank's own callbacks come last
    try:
        payments = [
            await portal.start_payment("azercell", unique_phone(), "2.00") for _ in range(RACES)
        ]
        for created in payments:
            await portal.pay_on_bank_page(created["payment_page_url"])
        callbacks = [signed(portal, debit_callback(p["payment_id"], 200)) for p in payments]
        async with httpx.AsyncClient() as client:
            answers = await asyncio.gather(
                *(
                    client.post(
                        f"http://127.0.0.1:{port}/api/payments/bank-callbacks",
                        content=raw,
                        headers=headers,
                    )
                    for raw, headers in callbacks
                    for port in replicas
                    for _ in range(COPIES_PER_REPLICA)
                )
            )
        assert {answer.status_code for answer in answers} == {200}, [a.text for a in answers]
        ends = [await portal.wait_for_state(p["payment_id"], FINAL_STATES) for p in payments]
        await asyncio.sleep(5)  # the bank's delayed callbacks arrive and change nothing
    finally:
        await bank_faults(portal)
    for view in ends:
        payment_id = view["payment_id"]
        assert view["state"] == "completed"
        assert (await portal.bank_ledger(payment_id))["debits"] == 1
        assert (await portal.provider_ledger("azercell", payment_id))["payments_recorded"] == 1
        published = await events_about(system, payment_id, (Topic.PAYMENTS, Topic.ACTIVATIONS))
        assert published["card-debited"] == 1 and published["provider-activated"] == 1
        assert published["payment-completed"] == 1


async def test_events_delivered_again_to_both_replicas_activate_and_refund_once(
    portal: Portal, system: Stack
) -> None:
    paid = await pay(portal, "azercell", "1.50")
    await portal.provider_fault("azercell-postpaid", reject_code=7)  # a definite refusal
    try:
        refused = await pay(portal, "azercell-postpaid", "1.70")
        await portal.wait_for_state(refused, {"refunded"})
    finally:
        await portal.clear_provider_faults("azercell-postpaid")

    await deliver_again_everywhere(system, Topic.PAYMENTS, paid, "card-debited")
    await deliver_again_everywhere(system, Topic.ACTIVATIONS, refused, "activation-failed")
    await asyncio.sleep(4)  # every replica has had its copies

    assert (await portal.provider_ledger("azercell", paid))["payments_recorded"] == 1
    assert (await portal.payment(paid))["state"] == "completed"
    assert (await portal.bank_ledger(refused))["refunds"] == 1
    assert (await portal.payment(refused))["state"] == "refunded"
    for payment_id, once in ((paid, "provider-activated"), (refused, "payment-refunded")):
        published = await events_about(system, payment_id, (Topic.PAYMENTS, Topic.ACTIVATIONS))
        assert published[once] == 1, published


async def test_a_mismatch_delivered_to_both_support_replicas_opens_one_case(
    portal: Portal, system: Stack
) -> None:
    payment_id = new_id("pay")
    detected = debited_not_activated(payment_id)
    await publish(system, [wrap(detected)])
    await deliver_again_everywhere(system, Topic.RECONCILIATION, payment_id, "mismatch-detected")
    await publish(system, [wrap(detected)])  # the same facts again, under a new event id
    leyla = await sign_in(portal, "leyla", "supervisor")
    cases = await portal.wait_until(lambda: cases_of(portal, leyla, payment_id), bool, 20)
    await asyncio.sleep(3)  # every replica has had its copies
    assert len(await cases_of(portal, leyla, payment_id)) == len(cases) == 1


async def pay(portal: Portal, service_id: str, amount: str) -> str:
    created = await portal.start_payment(service_id, unique_phone(), amount)
    await portal.pay_on_bank_page(created["payment_page_url"])
    await portal.wait_for_state(created["payment_id"], FINAL_STATES)
    return str(created["payment_id"])


async def bank_faults(portal: Portal, **faults: int) -> None:
    answer = await portal.http.put(f"{portal.system.sandbox_url}/bank/_control/faults", json=faults)
    assert answer.status_code == 200, answer.text


async def deliver_again_everywhere(
    system: Stack, topic: Topic, payment_id: str, event_type: str
) -> None:
    """The event, same id, once more into every partition: whichever replica reads which
    partition, each gets its copy, as after a rebalance."""
    (record,) = [
        r for r in await records_about(system, payment_id, (topic,)) if _type(r) == event_type
    ]
    producer = AIOKafkaProducer(bootstrap_servers=system.kafka_bootstrap)
    await producer.start()
    try:
        for partition in range(PARTITIONS):
            await producer.send_and_wait(
                topic.value,
                value=record.value,
                key=record.key,
                headers=list(record.headers),
                partition=partition,
            )
    finally:
        await producer.stop()


async def events_about(system: Stack, payment_id: str, topics: tuple[Topic, ...]) -> Counter[str]:
    """How many distinct events (by id) of each type were published about the payment."""
    records = await records_about(system, payment_id, topics)
    distinct = {from_kafka(list(r.headers), r.value or b"").id: _type(r) for r in records}
    return Counter(distinct.values())


async def records_about(
    system: Stack, payment_id: str, topics: tuple[Topic, ...]
) -> list[ConsumerRecord[bytes, bytes]]:
    """Every record keyed by the payment, read from the start of each partition to its end."""
    return await every_record(system, topics, payment_id)


def _type(record: ConsumerRecord[bytes, bytes]) -> str:
    return from_kafka(list(record.headers), record.value or b"").type

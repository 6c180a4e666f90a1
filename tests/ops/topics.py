"""Events sent to a test's own topic (the `topic` fixture) as a service's relay sends them."""

from __future__ import annotations

from datetime import UTC, datetime

from aiokafka import AIOKafkaProducer

from contracts.envelope import Envelope, to_kafka
from contracts.events import PaymentExpired
from contracts.ids import new_id
from devstack.stack import Stack


def expired(payment_id: str) -> Envelope:
    now = datetime.now(UTC)
    event = PaymentExpired(payment_id=payment_id, expired_at=now)
    return Envelope.wrap(event, event_id=new_id("evt"), source="/opscli-test", time=now)


async def send(stack: Stack, topic: str, *envelopes: Envelope, raw: bytes | None = None) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=stack.kafka_bootstrap, acks="all")
    await producer.start()
    try:
        for envelope in envelopes:
            key, value, headers = to_kafka(envelope)
            await producer.send_and_wait(topic, value=value, key=key, headers=headers)
        if raw is not None:
            await producer.send_and_wait(topic, value=raw, key=b"junk")
    finally:
        await producer.stop()

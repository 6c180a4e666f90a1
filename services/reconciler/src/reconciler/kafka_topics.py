"""Before the worker starts: its topics exist with the shared partition count, and the table's
changelog is compacted (the stack's "ensure topics" step creates them plainly; this is idempotent)."""

from __future__ import annotations

import logging

from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from reconciler.topics import COMPACTED_TOPICS, INTERNAL_TOPICS
from servicekit.kafka import ensure_topics

log = logging.getLogger(__name__)


async def prepare_topics(bootstrap: str) -> None:
    await ensure_topics(bootstrap, INTERNAL_TOPICS)
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, client_id="reconciler-topics")
    await admin.start()
    try:
        # Compaction keeps every payment's last facts however old, so a restart forgets none.
        await admin.alter_configs(
            [
                ConfigResource(
                    ConfigResourceType.TOPIC, name, configs={"cleanup.policy": "compact"}
                )
                for name in COMPACTED_TOPICS
            ]
        )
    finally:
        await admin.close()

"""Kafka topic names, versioned; one partition count for all so co-partitioned joins line up."""

from __future__ import annotations

from enum import StrEnum
from typing import Final

PARTITIONS: Final = 4


class Topic(StrEnum):
    """Every topic of the system. A breaking change of an event is a new version (`.v2`)."""

    PAYMENTS = "payments.v1"
    ACTIVATIONS = "activations.v1"
    RECONCILIATION = "reconciliation.v1"
    SUPPORT = "support.v1"
    IMEI = "imei.v1"

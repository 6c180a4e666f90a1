"""How far the payment and activation streams have been read, per partition, in time.

A partition whose every record has been handled counts as read up to now; one with records still
waiting counts only up to the time of the last record handled. The earlier of the two source
topics bounds what the reconciler may conclude about a deadline on that partition.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

EPOCH = datetime.fromtimestamp(0, UTC)

# (topic, partition) → the offset after the last record in the partition, or None if not known.
EndOffset = Callable[[str, int], int | None]
# (topic, partition) → where this worker resumed reading (the committed offset), or None.
ResumeOffset = Callable[[str, int], int | None]


@dataclass
class _Handled:
    offset: int
    at: datetime


@dataclass
class StreamProgress:
    topics: Sequence[str]
    end_offset: EndOffset
    resume_offset: ResumeOffset
    _handled: dict[tuple[str, int], _Handled] = field(default_factory=dict)

    def handled(self, topic: str, partition: int, offset: int, timestamp: float) -> None:
        """A record was handled; `timestamp` is its Kafka time in seconds."""
        at = datetime.fromtimestamp(timestamp, UTC)
        earlier = self._handled.get((topic, partition))
        if earlier is None or offset > earlier.offset:
            self._handled[(topic, partition)] = _Handled(offset, at)

    def forget_partitions(self) -> None:
        """After a rebalance another worker may have moved the partitions on."""
        self._handled.clear()

    def seen_through(self, partition: int, now: datetime) -> datetime:
        return min(self._seen_through(topic, partition, now) for topic in self.topics)

    def _seen_through(self, topic: str, partition: int, now: datetime) -> datetime:
        handled = self._handled.get((topic, partition))
        end = self.end_offset(topic, partition)
        resumed = self.resume_offset(topic, partition)
        # Without a committed offset reading starts at the beginning: an empty partition is read.
        next_to_handle = max(
            handled.offset + 1 if handled is not None else 0,
            resumed if resumed is not None else 0,
        )
        if end is not None and next_to_handle >= end:
            return now
        return handled.at if handled is not None else EPOCH

"""The base of every event's data: frozen, typed, and tagged with its type, version, topic and key."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict

from contracts.topics import Topic


class EventData(BaseModel):
    """What happened, in past tense. Subclasses name their CloudEvents `type` and their topic."""

    # A field this code does not know yet is ignored, not refused: within a version an event may
    # gain optional fields, and older consumers must keep reading it (contracts.upcasting).
    model_config = ConfigDict(frozen=True, extra="ignore")

    type: ClassVar[str]
    version: ClassVar[int] = 1
    topic: ClassVar[Topic]
    subject_field: ClassVar[str] = "payment_id"

    @property
    def subject(self) -> str:
        """The aggregate the event is about; also the Kafka key, so its events stay in order."""
        return str(getattr(self, self.subject_field))

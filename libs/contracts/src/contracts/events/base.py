"""The base of every event's data: frozen, strict, and tagged with its type, topic and key."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict

from contracts.topics import Topic


class EventData(BaseModel):
    """What happened, in past tense. Subclasses name their CloudEvents `type` and their topic."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: ClassVar[str]
    topic: ClassVar[Topic]
    subject_field: ClassVar[str] = "payment_id"

    @property
    def subject(self) -> str:
        """The aggregate the event is about; also the Kafka key, so its events stay in order."""
        return str(getattr(self, self.subject_field))

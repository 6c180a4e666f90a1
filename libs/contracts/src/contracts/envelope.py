"""The CloudEvents envelope around every event, and its Kafka binding (`ce_*` headers + JSON value)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from contracts.events import EVENT_TYPES, EventData
from contracts.ids import EventId
from contracts.upcasting import UPCASTERS, Upcasters, VersionUnreadableError

CONTENT_TYPE = "application/json"
_ATTRIBUTES = (
    "id",
    "source",
    "type",
    "specversion",
    "time",
    "subject",
    "correlationid",
    "dataversion",
)


EventTypes = dict[str, type[EventData]]  # outside Envelope, whose `type` field hides the builtin


class UnknownEventError(ValueError):
    """A record whose type this version of the contracts does not know, or whose data is invalid."""


class UnreadableVersionError(UnknownEventError):
    """An event of a known type at a version this service cannot read: retrying will not help."""


class Envelope(BaseModel):
    """CloudEvents 1.0 attributes plus `data`; `correlationid` and `dataversion` (the version of
    the data's shape, 1 when absent: events written before versions were carried) are extension
    attributes."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: EventId
    source: str = Field(min_length=1, max_length=128)
    type: str = Field(min_length=1, max_length=64)
    specversion: Literal["1.0"] = "1.0"
    time: AwareDatetime
    subject: str = Field(min_length=1, max_length=64)
    datacontenttype: Literal["application/json"] = "application/json"
    correlationid: str | None = Field(default=None, max_length=64)
    dataversion: int = Field(default=1, ge=1)
    data: dict[str, Any]

    @classmethod
    def wrap(
        cls,
        event: EventData,
        *,
        event_id: str,
        source: str,
        time: datetime,
        correlation_id: str | None = None,
    ) -> Envelope:
        return cls(
            id=event_id,
            source=source,
            type=event.type,
            time=time,
            subject=event.subject,
            correlationid=correlation_id,
            dataversion=event.version,
            data=event.model_dump(mode="json"),
        )

    def event(
        self,
        types: EventTypes = EVENT_TYPES,
        upcasters: Upcasters = UPCASTERS,
    ) -> EventData:
        """The typed event inside, at the version this code reads (older data is upcast);
        raises UnknownEventError for a type, version or shape we do not know."""
        model = types.get(self.type)
        if model is None:
            raise UnknownEventError(f"unknown event type {self.type!r}")
        try:
            data = upcasters.upcast(self.type, self.dataversion, self.data, model.version)
        except VersionUnreadableError as error:
            raise UnreadableVersionError(str(error)) from error
        try:
            return model.model_validate(data)
        except ValidationError as error:
            raise UnknownEventError(f"invalid {self.type} data: {error}") from error

    def topic(self) -> str:
        model = EVENT_TYPES.get(self.type)
        if model is None:
            raise UnknownEventError(f"unknown event type {self.type!r}")
        return model.topic.value


KafkaHeaders = list[tuple[str, bytes]]


def to_kafka(envelope: Envelope) -> tuple[bytes, bytes, KafkaHeaders]:
    """Key, value and headers in the CloudEvents Kafka binding's binary mode."""
    attributes = envelope.model_dump(mode="json", exclude={"data", "datacontenttype"})
    headers = [(f"ce_{name}", str(value).encode()) for name, value in attributes.items() if value]
    headers.append(("content-type", CONTENT_TYPE.encode()))
    value = json.dumps(envelope.data, separators=(",", ":"), ensure_ascii=False).encode()
    return envelope.subject.encode(), value, headers


def from_kafka(headers: KafkaHeaders, value: bytes) -> Envelope:
    """The envelope back from a record; raises UnknownEventError when it is not one of ours."""
    attributes: dict[str, Any] = {}
    for name, raw in headers:
        if name.startswith("ce_") and name[3:] in _ATTRIBUTES:
            attributes[name[3:]] = raw.decode()
    try:
        attributes["data"] = json.loads(value)
        return Envelope.model_validate(attributes)
    except (ValueError, ValidationError) as error:
        raise UnknownEventError(f"not a CloudEvent of ours: {error}") from error

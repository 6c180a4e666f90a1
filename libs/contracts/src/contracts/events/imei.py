"""IMEI registration at the MCQS registry (topic imei.v1)."""

from __future__ import annotations

from pydantic import AwareDatetime, Field

from contracts.events.base import EventData
from contracts.ids import PaymentId, RegistrationId
from contracts.topics import Topic

Imei = str


class _ImeiEvent(EventData):
    topic = Topic.IMEI
    subject_field = "registration_id"
    registration_id: RegistrationId
    payment_id: PaymentId
    imeis: tuple[Imei, ...] = Field(min_length=1, max_length=2)


class ImeiRegistrationRequested(_ImeiEvent):
    type = "imei-registration-requested"
    brand: str | None = None
    model: str | None = None
    requested_at: AwareDatetime


class ImeiRegistered(_ImeiEvent):
    type = "imei-registered"
    registered_at: AwareDatetime


class ImeiRegistrationRejected(_ImeiEvent):
    type = "imei-registration-rejected"
    registry_code: str = Field(max_length=32)
    reason: str = Field(max_length=500)
    rejected_at: AwareDatetime

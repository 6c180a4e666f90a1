"""What the IMEI API answers, as typed models for its OpenAPI (and the fuzzer that holds the
answers to them): `views.py` builds these shapes."""

from __future__ import annotations

from pydantic import BaseModel

from imei_registry.domain.status import ImeiStatus

Words = dict[str, str]  # az and en


class RegistryContacts(BaseModel):
    name: str
    website: str
    phone: str
    message: Words


class ImeiStatusAnswer(BaseModel):
    """Where an IMEI stands; the time member that appears is the one its status names."""

    imei: str
    status: ImeiStatus
    message: Words
    known_by: str
    registry: RegistryContacts
    registered_at: str | None = None  # registered
    requested_at: str | None = None  # pending
    rejected_at: str | None = None  # rejected
    reason: str | None = None  # rejected

"""Faults a test injects into the registry: a rejection, a completion delay, failed submissions."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Faults(BaseModel):
    """Injected per IMEI or for every submission; an IMEI's own faults win over the global ones."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    reject_code: str | None = Field(default=None, min_length=1, max_length=32)
    reject_reason: str = Field(default="Rejected by the registry (sandbox fault).", max_length=300)
    completion_seconds: float | None = Field(default=None, ge=0)
    errors_5xx: int = Field(default=0, ge=0, description="the next N submissions answer 503")

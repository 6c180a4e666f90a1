"""Everything an imei-registry handler needs, wired once in bootstrap."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import httpx

from imei_registry.adapters.quotes import QuoteRepository
from imei_registry.adapters.registrations import RegistrationRepository
from imei_registry.adapters.registry import McqsClient
from imei_registry.config import Settings
from imei_registry.domain.devices import TacDirectory
from imei_registry.domain.fees import FeeTable
from servicekit.mail import Mailer


@dataclass(frozen=True)
class ImeiRegistry:
    settings: Settings
    directory: TacDirectory
    fees: FeeTable
    quotes: QuoteRepository
    registrations: RegistrationRepository
    mcqs: McqsClient
    mailer: Mailer
    clock: Callable[[], datetime]
    http: httpx.AsyncClient

    @property
    def first_retry(self) -> timedelta:
        return timedelta(seconds=self.settings.registry_retry_seconds)

    @property
    def longest_retry(self) -> timedelta:
        return timedelta(seconds=self.settings.registry_retry_max_seconds)

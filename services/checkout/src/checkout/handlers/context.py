"""Everything a checkout handler needs, wired once in bootstrap."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import httpx
from pymongo.asynchronous.collection import AsyncCollection

from checkout.adapters.bank import BankClient
from checkout.adapters.catalog import CatalogClient
from checkout.adapters.idempotency import IdempotencyKeys
from checkout.adapters.repository import PaymentRepository
from checkout.config import Settings
from servicekit.mail import Mailer
from servicekit.mongo import Document


@dataclass(frozen=True)
class Checkout:
    settings: Settings
    payments: PaymentRepository
    keys: IdempotencyKeys
    bank: BankClient
    catalog: CatalogClient
    mailer: Mailer
    bank_callbacks: AsyncCollection[Document]
    clock: Callable[[], datetime]
    http: httpx.AsyncClient

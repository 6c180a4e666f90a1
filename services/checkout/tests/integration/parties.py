"""The parties around checkout in integration tests: the catalog, a mailbox, a clock that can be
moved on, the bank's ledger, and the other replica, whose write lands between this replica's read
of a payment and its write."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import httpx

from checkout.adapters.catalog import CatalogRefusedError, Quote
from checkout.adapters.repository import PaymentRepository
from checkout.domain.initiation import initiate
from checkout.domain.payment import Payment
from checkout.domain.service_label import ServiceLabel
from checkout.handlers.context import Checkout
from contracts.ids import new_id
from contracts.money import Money
from servicekit.mail import Mail, Mailer

AMOUNT = Money(qepik=1000)
CHECKOUT_URL = "http://checkout"
T = TypeVar("T")


class FakeCatalog:
    """provider-gateway's quote: 10 AZN without a fee, or `refusal` when one is set."""

    def __init__(self) -> None:
        self.while_quoting: Callable[[], Awaitable[None]] | None = None
        self.refusal: CatalogRefusedError | None = None
        self.quoted: list[str] = []

    async def quote(self, service_id: str, account: str, amount: str) -> Quote:
        self.quoted.append(amount)
        if self.while_quoting is not None:
            await self.while_quoting()
        if self.refusal is not None:
            raise self.refusal
        return Quote(service_id, account, AMOUNT.qepik, 0, AMOUNT.qepik)

    async def label(self, service_id: str) -> ServiceLabel:
        return ServiceLabel(service_id.title(), service_id.title(), service_id.title(), "phone")


class MovableClock:
    """Checkout's clock: the real time, plus however far a test moved it on."""

    def __init__(self) -> None:
        self.ahead = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.ahead

    def move_on(self, by: timedelta) -> None:
        self.ahead += by


class Mailbox(Mailer):
    def __init__(self) -> None:
        super().__init__("unused", 0, "test")
        self.sent: list[tuple[str, str, str, bool]] = []

    async def send(self, mail: Mail) -> None:
        self.sent.append((mail.to, mail.subject, mail.text, mail.html is not None))


def other_replica_after_first_read(
    payments: PaymentRepository, write: Callable[[Payment], Awaitable[None]]
) -> None:
    """Makes the next read of a payment return what was stored, then runs the other replica's
    `write` on it in the database: our write then meets a payment that changed under it."""
    real_get = payments.get

    async def get(payment_id: str) -> Payment | None:
        payment = await real_get(payment_id)
        if payment is not None:
            del payments.get  # once; later reads see the database
            await write(payment)
        return payment

    payments.get = get  # type: ignore[method-assign]


async def initiated_payment(checkout: Checkout, email: str | None = None) -> Payment:
    """A payment waiting on the bank's card page (a session open at the bank sandbox)."""
    now = datetime.now(UTC)
    payment = initiate(
        new_id("pay"),
        "azercell",
        "501234567",
        AMOUNT,
        Money(qepik=0),
        email,
        now,
        now + timedelta(minutes=15),
    )
    session = await checkout.bank.open_session(
        payment.id, payment.total.qepik, "azercell", "http://x/r", "http://x/cb", "az"
    )
    payment = payment.attach_card_page(session.payment_page_url, session.expires_at)
    await checkout.payments.add(payment)
    return payment


async def bank_ledger(bank_http: httpx.AsyncClient, order_id: str) -> dict[str, int]:
    """What the bank says moved for the order, read from its test controls."""
    answer = await bank_http.get(f"/bank/_control/ledger/{order_id}")
    assert answer.status_code == 200
    ledger: dict[str, int] = answer.json()
    return ledger


async def wait_until(
    read: Callable[[], Awaitable[T]], done: Callable[[T], bool], seconds: float = 10
) -> T:
    """Reads until `done` holds (polling an observable condition), then returns the last read."""
    deadline = asyncio.get_running_loop().time() + seconds
    while True:
        value = await read()
        if done(value):
            return value
        assert asyncio.get_running_loop().time() < deadline, f"still {value!r}"
        await asyncio.sleep(0.05)


async def outbox_types(checkout: Checkout, payment_id: str) -> list[str]:
    """The payment's events as stored with it (no producer runs in these tests)."""
    document = await checkout.payments._store.collection.find_one({"_id": payment_id})
    assert document is not None
    return [event["type"] for event in document["outbox"]]

"""The parties around checkout in integration tests: the catalog, a mailbox, and the other
replica, whose write lands between this replica's read of a payment and its write."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from checkout.adapters.catalog import Quote
from checkout.adapters.repository import PaymentRepository
from checkout.domain.payment import Payment, initiate
from checkout.handlers.context import Checkout
from contracts.ids import new_id
from contracts.money import Money
from servicekit.mail import Mail, Mailer

AMOUNT = Money(qepik=1000)


class FakeCatalog:
    def __init__(self) -> None:
        self.while_quoting: Callable[[], Awaitable[None]] | None = None
        self.quoted: list[str] = []

    async def quote(self, service_id: str, account: str, amount: str) -> Quote:
        self.quoted.append(amount)
        if self.while_quoting is not None:
            await self.while_quoting()
        return Quote(service_id, account, AMOUNT.qepik, 0, AMOUNT.qepik)


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

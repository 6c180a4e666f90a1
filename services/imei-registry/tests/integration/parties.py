"""The parties around imei-registry in integration tests: a clock to move, the MCQS sandbox
in-process, a mailbox, and a card-debited as checkout would publish it."""

from __future__ import annotations

from datetime import UTC, datetime

from contracts.events import CardDebited
from contracts.ids import new_id
from contracts.money import Money
from imei_registry.domain.imei import with_check_digit
from servicekit.mail import Mail, Mailer

SECRET = "integration-mcqs-secret"
COMPLETION_SECONDS = 30.0
REDMI_NOTE_13 = "00100400"  # synthetic duos, 40 AZN


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_750_000_000.0

    def __call__(self) -> float:
        return self.now

    def moment(self) -> datetime:
        return datetime.fromtimestamp(self.now, UTC)

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Mailbox(Mailer):
    def __init__(self) -> None:
        super().__init__("unused", 0, "test")
        self.sent: list[tuple[str, str, str]] = []

    async def send(self, mail: Mail) -> None:
        self.sent.append((mail.to, mail.subject, mail.text))


def fresh_imei(serial: int, tac: str = REDMI_NOTE_13) -> str:
    return with_check_digit(f"{tac}{serial:06d}")


def card_debited(quote_id: str, amount_qepik: int, at: datetime) -> CardDebited:
    return CardDebited(
        payment_id=new_id("pay"),
        service_id="imei-registration",
        account=quote_id,
        amount=Money(qepik=amount_qepik),
        total=Money(qepik=amount_qepik),
        bank_reference="RRN42",
        debited_at=at,
    )

"""Only the IMEI service's card-debited reaches the handler (and the inbox); a biller's payment is
skipped without database work, and an event we cannot read still goes on to be parked."""

from __future__ import annotations

from datetime import UTC, datetime

from contracts.envelope import Envelope
from contracts.events import CardDebited
from contracts.ids import new_id
from contracts.money import Money
from imei_registry.domain.quote import IMEI_SERVICE_ID
from imei_registry.entrypoints.consumer import is_imei_payment


def debited(service_id: str) -> Envelope:
    now = datetime.now(UTC)
    event = CardDebited(
        payment_id=new_id("pay"),
        service_id=service_id,
        account="qte_01jz3k7m2x9q8r5t4v6w0y1z2a",
        amount=Money(qepik=2000),
        total=Money(qepik=2000),
        bank_reference="BANK-1",
        debited_at=now,
    )
    return Envelope.wrap(event, event_id=new_id("evt"), source="/checkout", time=now)


def test_the_imei_services_payment_is_ours() -> None:
    assert is_imei_payment(debited(IMEI_SERVICE_ID))


def test_a_billers_payment_is_skipped() -> None:
    assert not is_imei_payment(debited("azercell"))


def test_an_unreadable_card_debited_is_handled_so_that_it_is_parked() -> None:
    broken = debited(IMEI_SERVICE_ID).model_copy(update={"data": {"payment_id": "x"}})
    assert is_imei_payment(broken)

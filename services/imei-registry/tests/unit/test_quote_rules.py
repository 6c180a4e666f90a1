"""Quote rules: what a quote says, when a payment fits it, and the ticket offered on a mismatch."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from imei_registry.domain.device_check import identify_device
from imei_registry.domain.devices import DeviceType, TacDirectory
from imei_registry.domain.fees import FeeTable, PriceBand
from imei_registry.domain.quote import PaymentRefusal, Quote, price_quote, refusal_for_payment
from imei_registry.domain.tickets import SLA_HOURS, mismatch_explanation, mismatch_ticket

from .imeis import IPHONE_3G, REDMI_NOTE_13, imei

NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def redmi_quote(fees: FeeTable, directory: TacDirectory) -> Quote:
    device = identify_device(
        DeviceType.DUOS, [imei(REDMI_NOTE_13, 1), imei(REDMI_NOTE_13, 2)], directory
    )
    return price_quote("qte_1", device, fees, "a@example.az", NOW, timedelta(hours=24))


def test_a_quote_holds_the_device_its_fee_and_its_validity(
    fees: FeeTable, directory: TacDirectory
) -> None:
    quote = redmi_quote(fees, directory)
    assert quote.fee.band is PriceBand.FROM_201_TO_400 and quote.fee.amount_qepik == 4000
    assert quote.expires_at == NOW + timedelta(hours=24)
    assert quote.device.model is not None and quote.device.model.model == "Redmi Note 13"


@pytest.mark.parametrize(
    ("paid", "debited_at", "refusal"),
    [
        (4000, NOW + timedelta(minutes=5), None),
        (4000, NOW + timedelta(hours=24), None),
        (4000, NOW + timedelta(hours=24, seconds=1), PaymentRefusal.QUOTE_EXPIRED),
        (3000, NOW + timedelta(minutes=5), PaymentRefusal.AMOUNT_DIFFERS),
        (4001, NOW + timedelta(minutes=5), PaymentRefusal.AMOUNT_DIFFERS),
    ],
)
def test_a_payment_fits_its_quote_only_in_time_and_in_full(
    fees: FeeTable,
    directory: TacDirectory,
    paid: int,
    debited_at: datetime,
    refusal: PaymentRefusal | None,
) -> None:
    assert refusal_for_payment(redmi_quote(fees, directory), paid, debited_at) is refusal


def test_an_unknown_quote_is_refused_and_every_refusal_says_why() -> None:
    assert refusal_for_payment(None, 4000, NOW) is PaymentRefusal.QUOTE_UNKNOWN
    reasons = {refusal.reason("qte_9", 3000, 4000) for refusal in PaymentRefusal}
    assert len(reasons) == len(PaymentRefusal)
    assert "30.00 AZN" in PaymentRefusal.AMOUNT_DIFFERS.reason("qte_9", 3000, 4000)


def test_a_mismatch_offers_a_prefilled_ticket_with_the_48_hour_sla(
    directory: TacDirectory,
) -> None:
    typed = [imei(IPHONE_3G, 1), imei(IPHONE_3G, 2)]
    device = identify_device(DeviceType.DUOS, typed, directory)
    offer = mismatch_ticket(device, "a@example.az").offer()
    assert offer["sla_hours"] == SLA_HOURS == 48
    assert offer["subject"] == "IMEI" and offer["model"] == "Apple iPhone 3G"
    assert offer["imeis"] == typed
    payload = offer["payload"]
    assert payload["subject"] == "imei-registration" and payload["imeis"] == typed
    assert payload["category"] == "imei_device_type_mismatch"  # support-desk's 48-hour category
    assert payload["message"].startswith("IMEI:")
    assert payload["email"] == "a@example.az"
    assert all(number in payload["message"] for number in typed)
    assert "Apple iPhone 3G" in payload["message"]
    assert offer["fill_in"] == ["first_name", "last_name"]
    assert mismatch_ticket(device, None).offer()["fill_in"] == ["first_name", "last_name", "email"]


def test_a_mismatch_explains_itself_either_way(directory: TacDirectory) -> None:
    duos_for_single = identify_device(
        DeviceType.DUOS, [imei(IPHONE_3G, 1), imei(IPHONE_3G, 2)], directory
    )
    single_for_duos = identify_device(DeviceType.SINGLE, [imei(REDMI_NOTE_13, 1)], directory)
    first, second = mismatch_explanation(duos_for_single), mismatch_explanation(single_for_duos)
    assert "one SIM slot" in first.en and "48 hours" in first.en and "48 saat" in first.az
    assert "two SIM slots" in second.en and "Duos" in second.az

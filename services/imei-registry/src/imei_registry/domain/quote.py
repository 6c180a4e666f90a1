"""A quote: a checked device, its fee and legal basis, valid for a while, paid once.

The customer pays the quote through checkout (service `imei-registration`, account = quote id,
amount = the fee). When the card is debited, `refusal_for_payment` decides whether the payment
fits the quote; if it does not, the payment is refunded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum
from typing import Final, assert_never

from contracts.events import Language
from imei_registry.domain.device_check import Device
from imei_registry.domain.fees import Fee, FeeTable, PriceBand

# Azerbaijan keeps UTC+4 all year; a fee schedule takes effect on a Baku calendar day.
BAKU: Final = timezone(timedelta(hours=4), "Asia/Baku")
IMEI_SERVICE_ID: Final = "imei-registration"


@dataclass(frozen=True)
class Quote:
    id: str
    device: Device
    fee: Fee
    email: str | None
    created_at: datetime
    expires_at: datetime
    language: Language | None = None  # the page's: the registered e-mail is written in it


def fee_day(moment: datetime) -> date:
    return moment.astimezone(BAKU).date()


def price_quote(
    quote_id: str,
    device: Device,
    fees: FeeTable,
    email: str | None,
    now: datetime,
    valid_for: timedelta,
    language: Language | None = None,
) -> Quote:
    """The fee depends on the model's price band only: a duos pays what a single pays."""
    band = device.model.band if device.model is not None else PriceBand.NOT_IN_CATALOGUE
    fee = fees.fee(band, fee_day(now))
    return Quote(quote_id, device, fee, email, now, now + valid_for, language)


class PaymentRefusal(StrEnum):
    """Why a debited payment cannot register anything: it is refunded, with this as the reason."""

    QUOTE_UNKNOWN = "quote_unknown"
    QUOTE_EXPIRED = "quote_expired"
    QUOTE_ALREADY_PAID = "quote_already_paid"
    AMOUNT_DIFFERS = "amount_differs"

    def reason(self, quote_id: str, paid_qepik: int, fee_qepik: int | None) -> str:
        match self:
            case PaymentRefusal.QUOTE_UNKNOWN:
                return f"There is no IMEI quote {quote_id}; nothing can be registered with it."
            case PaymentRefusal.QUOTE_EXPIRED:
                return f"The IMEI quote {quote_id} had expired when the card was debited."
            case PaymentRefusal.QUOTE_ALREADY_PAID:
                return f"The IMEI quote {quote_id} was already paid by another payment."
            case PaymentRefusal.AMOUNT_DIFFERS:
                return (
                    f"The payment of {paid_qepik / 100:.2f} AZN does not match the state fee "
                    f"{(fee_qepik or 0) / 100:.2f} AZN of the IMEI quote {quote_id}."
                )
            case unreachable:
                assert_never(unreachable)


def refusal_for_payment(
    quote: Quote | None, paid_qepik: int, debited_at: datetime
) -> PaymentRefusal | None:
    """Whether the debited amount pays this quote; `quote_already_paid` is decided by the claim."""
    if quote is None:
        return PaymentRefusal.QUOTE_UNKNOWN
    if debited_at.astimezone(UTC) > quote.expires_at.astimezone(UTC):
        return PaymentRefusal.QUOTE_EXPIRED
    if paid_qepik != quote.fee.amount_qepik:
        return PaymentRefusal.AMOUNT_DIFFERS
    return None

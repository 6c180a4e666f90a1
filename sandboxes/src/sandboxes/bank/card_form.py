"""Reading the card form a browser posts; it says, in az and en, why a field is refused."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from sandboxes.bank.cards import CardDetails, passes_luhn

_EXPIRY = re.compile(r"^(\d{2})\s*/\s*(\d{2})$")


@dataclass(frozen=True)
class FieldError:
    """Why the page refused a field, in Azerbaijani and English."""

    field: str
    az: str
    en: str


def parse_card_form(fields: Mapping[str, str]) -> CardDetails | list[FieldError]:
    """Reads `card_number` (spaces allowed), `expiry` MM/YY, `cvv` and `holder`."""
    errors: list[FieldError] = []
    number = re.sub(r"[\s-]", "", fields.get("card_number", ""))
    if not (number.isascii() and number.isdigit() and 12 <= len(number) <= 19):
        errors.append(
            FieldError(
                "card_number",
                "Kartın nömrəsi 12–19 rəqəmdən ibarət olmalıdır.",
                "The card number must have 12 to 19 digits.",
            )
        )
    elif not passes_luhn(number):
        errors.append(
            FieldError(
                "card_number",
                "Kartın nömrəsi səhvdir: yoxlama rəqəmi uyğun gəlmir.",
                "The card number is wrong: its check digit does not match.",
            )
        )
    expiry = _EXPIRY.match(fields.get("expiry", "").strip())
    month = int(expiry.group(1)) if expiry else 0
    if not 1 <= month <= 12:
        errors.append(
            FieldError(
                "expiry",
                "Bitmə tarixini AA/İİ şəklində yazın (məs. 08/29).",
                "Write the expiry date as MM/YY (e.g. 08/29).",
            )
        )
    cvv = fields.get("cvv", "").strip()
    if not (cvv.isascii() and cvv.isdigit() and len(cvv) in (3, 4)):
        errors.append(FieldError("cvv", "CVV 3 və ya 4 rəqəmdir.", "The CVV has 3 or 4 digits."))
    holder = " ".join(fields.get("holder", "").split())
    if not 1 <= len(holder) <= 100:
        errors.append(
            FieldError(
                "holder",
                "Kart sahibinin adını yazın (100 simvola qədər).",
                "Write the cardholder's name (up to 100 characters).",
            )
        )
    if errors or expiry is None:
        return errors
    return CardDetails(number, month, 2000 + int(expiry.group(2)), holder)

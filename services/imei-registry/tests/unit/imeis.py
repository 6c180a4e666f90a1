"""IMEIs for tests: a TAC from the data files, a serial, and the Luhn digit."""

from __future__ import annotations

from imei_registry.domain.imei import with_check_digit

IPHONE_3G = "01161200"  # single SIM
REDMI_NOTE_13 = "00100400"  # synthetic, duos, $201–400
NOKIA_105 = "00100100"  # synthetic, single, basic phone
UNKNOWN_TAC = "86999999"


def imei(tac: str, serial: int) -> str:
    return with_check_digit(f"{tac}{serial:06d}")

"""What the MCQS sandbox tests share: a movable clock, the secret, IMEIs and submissions."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx

from sandboxes.mcqs.imeis import luhn_check_digit

SECRET = "test-mcqs-secret"
COMPLETION_SECONDS = 60.0

Call = Callable[..., Awaitable[httpx.Response]]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_750_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def imei(serial: int, tac: str = "00100400") -> str:
    body = f"{tac}{serial:06d}"
    return f"{body}{luhn_check_digit(body)}"


def submission(transaction_id: str = "pay_1", imeis: list[str] | None = None) -> dict[str, object]:
    return {
        "transaction_id": transaction_id,
        "imeis": imeis or [imei(1), imei(2)],
        "brand": "Xiaomi",
        "model": "Redmi Note 13",
        "fee_qepik": 4000,
    }


DUOS = [imei(1), imei(2)]

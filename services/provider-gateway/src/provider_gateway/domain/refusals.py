"""Why the domain refuses a customer's input, with a stable reason and words in az, en and ru."""

from __future__ import annotations


class InputRefusedError(ValueError):
    """Base of every refusal of what a customer typed; the API turns it into a 422 problem."""

    def __init__(self, reason: str, en: str, az: str, ru: str) -> None:
        super().__init__(f"{reason}: {en}")
        self.reason = reason
        self.en = en
        self.az = az
        self.ru = ru


class AccountRefusedError(InputRefusedError):
    """The account number is not one this service can be paid for."""


class AmountRefusedError(InputRefusedError):
    """The amount cannot be read, or lies outside the service's limits."""

    def __init__(
        self,
        reason: str,
        en: str,
        az: str,
        ru: str,
        *,
        minimum_qepik: int | None = None,
        maximum_qepik: int | None = None,
    ) -> None:
        super().__init__(reason, en, az, ru)
        self.minimum_qepik = minimum_qepik
        self.maximum_qepik = maximum_qepik

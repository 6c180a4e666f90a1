"""Money as integer qəpik in AZN: parsing, arithmetic and display, never floats."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt

QEPIK_PER_MANAT = 100


class MoneyFormatError(ValueError):
    """An amount the customer typed cannot be read as manat with at most two decimals."""


class Money(BaseModel):
    """An exact amount: `qepik` is an integer number of qəpik (1 AZN = 100 qəpik)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    qepik: StrictInt = Field(ge=0, description="Amount in qəpik (1/100 AZN), an integer")
    currency: Literal["AZN"] = "AZN"

    @classmethod
    def azn(cls, text: str) -> Money:
        """Reads "12", "12.5" or "12.50" manat; more than two decimals is an error, not a rounding."""
        try:
            value = Decimal(text.strip())
        except InvalidOperation as error:
            raise MoneyFormatError(f"not an amount: {text!r}") from error
        if not value.is_finite() or value < 0:
            raise MoneyFormatError(f"not a positive amount: {text!r}")
        qepik = value * QEPIK_PER_MANAT
        if qepik != qepik.to_integral_value():
            raise MoneyFormatError(f"more than two decimals: {text!r}")
        return cls(qepik=int(qepik))

    def __add__(self, other: Money) -> Money:
        return Money(qepik=self.qepik + other.qepik)

    def __sub__(self, other: Money) -> Money:
        return Money(qepik=self.qepik - other.qepik)

    def __lt__(self, other: Money) -> bool:
        return self.qepik < other.qepik

    def __le__(self, other: Money) -> bool:
        return self.qepik <= other.qepik

    def percent(self, basis_points: int) -> Money:
        """A share in basis points (1/100 of a percent), rounded half up to the qəpik."""
        return Money(qepik=(self.qepik * basis_points + 5_000) // 10_000)

    def as_decimal_text(self) -> str:
        """ "12.50" — the form providers' protocols and receipts expect."""
        manat, qepik = divmod(self.qepik, QEPIK_PER_MANAT)
        return f"{manat}.{qepik:02d}"

    def __str__(self) -> str:
        return f"{self.as_decimal_text()} AZN"

"""The portal's commission on a payment: a share in basis points, a minimum, and a fixed part."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from contracts.money import Money


class CommissionRule(BaseModel):
    """fee = max(amount × basis_points / 10 000, minimum) + fixed, in qəpik, rounded half up.

    The default rule charges nothing, as most billers' payments are free for the customer.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    basis_points: int = Field(default=0, ge=0, le=500, description="1 bp = 0.01 %; at most 5 %")
    minimum_qepik: int = Field(default=0, ge=0, le=500)
    fixed_qepik: int = Field(default=0, ge=0, le=500)

    @property
    def is_free(self) -> bool:
        return self.basis_points == self.minimum_qepik == self.fixed_qepik == 0

    def fee(self, amount: Money) -> Money:
        share = amount.percent(self.basis_points)
        return Money(qepik=max(share.qepik, self.minimum_qepik) + self.fixed_qepik)

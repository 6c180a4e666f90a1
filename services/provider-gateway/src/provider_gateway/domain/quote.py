"""A quote: the normalised account, the amount within limits, the commission and the total."""

from __future__ import annotations

from dataclasses import dataclass

from contracts.money import Money
from provider_gateway.domain.accounts import normalise_account
from provider_gateway.domain.amounts import check_limits, parse_amount
from provider_gateway.domain.catalog import Service
from provider_gateway.domain.phones import PhonePlan


@dataclass(frozen=True)
class Quote:
    service_id: str
    account: str
    amount: Money
    fee: Money

    @property
    def total(self) -> Money:
        return self.amount + self.fee


def make_quote(service: Service, plan: PhonePlan, typed_account: str, typed_amount: str) -> Quote:
    """Raises AccountRefusedError or AmountRefusedError, the account first."""
    account = normalise_account(service.account, typed_account, plan)
    amount = parse_amount(typed_amount)
    check_limits(amount, service.minimum, service.maximum)
    return Quote(service.id, account, amount, service.commission.fee(amount))

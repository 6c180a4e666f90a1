"""The catalog of payable services, validated as a whole when it is loaded from its data file."""

from __future__ import annotations

from collections import Counter
from enum import StrEnum
from typing import Final, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from contracts.money import Money
from provider_gateway.domain.accounts import AccountField, AccountKind, normalise_account
from provider_gateway.domain.commission import CommissionRule
from provider_gateway.domain.localized import Localized
from provider_gateway.domain.phones import PhonePlan
from provider_gateway.domain.refusals import AccountRefusedError

# Portmanat, the national payment system, caps one payment at 600 AZN.
PAYMENT_CAP_QEPIK: Final = 60_000
SLUG_PATTERN: Final = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class CategoryId(StrEnum):
    MOBILE = "mobile"
    LANDLINE_INTERNET = "landline_internet"
    HOME_INTERNET = "home_internet"
    TV = "tv"
    UTILITIES = "utilities"
    HOUSING = "housing"
    GOVERNMENT = "government"
    EDUCATION = "education"
    TRANSPORT = "transport"
    TICKETS = "tickets"
    LOANS = "loans"


class ProtocolFamily(StrEnum):
    """The protocol the provider speaks (docs/protocols.md §2); one adapter per family."""

    OSMP = "osmp"
    REST = "rest"
    # Activated by imei-registry at the MCQS registry, not here (docs/protocols.md §4).
    IMEI = "imei"


class Category(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: CategoryId
    names: Localized


class Service(BaseModel):
    """One biller's service: how its account looks, what may be paid, what the portal charges."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=SLUG_PATTERN, max_length=64)
    category: CategoryId
    names: Localized
    keywords: tuple[str, ...] = Field(default=(), description="other words customers search by")
    account: AccountField
    min_qepik: int = Field(ge=1)
    max_qepik: int = Field(ge=1)
    over_cap_reason: str | None = Field(default=None, description="why max exceeds 600 AZN")
    commission: CommissionRule = CommissionRule()
    protocol: ProtocolFamily
    lookup: bool = Field(description="whether the provider answers account lookups")

    @property
    def minimum(self) -> Money:
        return Money(qepik=self.min_qepik)

    @property
    def maximum(self) -> Money:
        return Money(qepik=self.max_qepik)

    @model_validator(mode="after")
    def _sane_limits(self) -> Self:
        if self.min_qepik > self.max_qepik:
            raise ValueError(f"{self.id}: min {self.min_qepik} is above max {self.max_qepik}")
        if self.max_qepik > PAYMENT_CAP_QEPIK and not self.over_cap_reason:
            raise ValueError(f"{self.id}: max above 600 AZN needs an over_cap_reason")
        return self


class Catalog(BaseModel):
    """Every service and category; loading refuses a file that breaks any rule below."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    phone_plan: PhonePlan
    categories: tuple[Category, ...] = Field(min_length=1)
    services: tuple[Service, ...] = Field(min_length=1)

    def service(self, service_id: str) -> Service | None:
        return next((service for service in self.services if service.id == service_id), None)

    @model_validator(mode="after")
    def _coherent(self) -> Self:
        _refuse_duplicates("service", [service.id for service in self.services])
        _refuse_duplicates("category", [category.id for category in self.categories])
        declared = {category.id for category in self.categories}
        for service in self.services:
            if service.category not in declared:
                raise ValueError(f"{service.id}: category {service.category} is not declared")
            if service.account.kind is AccountKind.PHONE:
                self._check_operator_prefixes(service)
            try:
                normalise_account(service.account, service.account.example, self.phone_plan)
            except AccountRefusedError as error:
                raise ValueError(f"{service.id}: example account refused: {error}") from error
        return self

    def _check_operator_prefixes(self, service: Service) -> None:
        operators = {
            self.phone_plan.operator_of(item) for item in service.account.operator_prefixes
        }
        if None in operators or len(operators) != 1:
            raise ValueError(f"{service.id}: operator prefixes must be one known operator's")


def _refuse_duplicates(what: str, ids: list[str]) -> None:
    repeated = sorted(item for item, count in Counter(ids).items() if count > 1)
    if repeated:
        raise ValueError(f"{what} ids repeated: {repeated}")

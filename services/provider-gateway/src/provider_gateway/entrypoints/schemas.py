"""Bodies of the catalog API, as clients see them."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from contracts.money import Money
from provider_gateway.domain.accounts import AccountKind
from provider_gateway.domain.catalog import Category, CategoryId, Service
from provider_gateway.domain.localized import Language, Localized

MAX_ACCOUNT_TEXT = 100


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LookupRequest(_Request):
    account: str = Field(min_length=1, max_length=MAX_ACCOUNT_TEXT)


class QuoteRequest(_Request):
    account: str = Field(min_length=1, max_length=MAX_ACCOUNT_TEXT)
    amount: str = Field(min_length=1, max_length=32, description='manat, e.g. "10.50"')


class CategoryOut(BaseModel):
    id: CategoryId
    name: str
    names: Localized
    service_count: int


class ServiceSummary(BaseModel):
    id: str
    category: CategoryId
    name: str
    names: Localized
    lookup_supported: bool
    min_qepik: int
    max_qepik: int


class AccountFieldOut(BaseModel):
    kind: AccountKind
    label: str
    hint: str
    example: str
    pattern: str = Field(description="what the normalised account must match")


class CommissionOut(BaseModel):
    basis_points: int
    minimum_qepik: int
    fixed_qepik: int


class ServiceDetail(ServiceSummary):
    account: AccountFieldOut
    min_amount: str
    max_amount: str
    commission: CommissionOut


class ServiceList(BaseModel):
    services: list[ServiceSummary]
    count: int


class LookupOut(BaseModel):
    service_id: str
    account: str
    holder: str | None = Field(description="as the provider masked it")
    balance_qepik: int | None
    debt_qepik: int | None
    min_qepik: int | None = Field(description="the provider's own minimum, if it has one")
    max_qepik: int | None = Field(description="the provider's own maximum, if it has one")
    allowed_min_qepik: int = Field(description="what may be paid: ours and the provider's limits")
    allowed_max_qepik: int


class QuoteOut(BaseModel):
    service_id: str
    account: str
    amount_qepik: int
    fee_qepik: int
    total_qepik: int


def category_out(category: Category, language: Language, service_count: int) -> CategoryOut:
    name = category.names.in_language(language)
    return CategoryOut(id=category.id, name=name, names=category.names, service_count=service_count)


def service_summary(service: Service, language: Language) -> ServiceSummary:
    return ServiceSummary(
        id=service.id,
        category=service.category,
        name=service.names.in_language(language),
        names=service.names,
        lookup_supported=service.lookup,
        min_qepik=service.min_qepik,
        max_qepik=service.max_qepik,
    )


def service_detail(service: Service, language: Language) -> ServiceDetail:
    field = service.account
    return ServiceDetail(
        **service_summary(service, language).model_dump(),
        account=AccountFieldOut(
            kind=field.kind,
            label=field.label.in_language(language),
            hint=field.hint.in_language(language),
            example=field.example,
            pattern=field.pattern,
        ),
        min_amount=Money(qepik=service.min_qepik).as_decimal_text(),
        max_amount=Money(qepik=service.max_qepik).as_decimal_text(),
        commission=CommissionOut(**service.commission.model_dump()),
    )

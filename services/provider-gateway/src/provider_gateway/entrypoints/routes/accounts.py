"""Account lookup at the provider, and the quote checkout asks for before a payment."""

from __future__ import annotations

from fastapi import APIRouter

from provider_gateway.adapters.base import (
    AccountNotFoundError,
    InvalidAccountError,
    ProviderError,
)
from provider_gateway.domain.quote import make_quote
from provider_gateway.domain.refusals import AccountRefusedError, AmountRefusedError
from provider_gateway.entrypoints import problems
from provider_gateway.entrypoints.dependencies import GatewayDep, ServiceDep
from provider_gateway.entrypoints.schemas import LookupOut, LookupRequest, QuoteOut, QuoteRequest
from provider_gateway.handlers.lookup import (
    LookupNotSupportedError,
    ProviderRestingError,
    lookup_account,
)
from servicekit.openapi import problem_responses

AMOUNT_LIMIT_CODES = ("amount_below_minimum", "amount_above_maximum")
router = APIRouter(prefix="/api/catalog", tags=["accounts"])


@router.post(
    "/services/{service_id}/lookup",
    responses=problem_responses(
        {
            404: ["service_not_found", "account_not_found"],
            409: ["lookup_not_supported"],
            422: ["invalid_account"],
            429: ["rate_limited"],  # the gateway's limit on lookups
            502: ["provider_error"],
            503: ["provider_unavailable"],
            504: ["provider_timeout"],
        }
    ),
)
async def look_up_account(
    body: LookupRequest, service: ServiceDep, gateway: GatewayDep
) -> LookupOut:
    """What the provider says about the account, passed on as it said it."""
    try:
        info = await lookup_account(
            service, body.account, gateway.catalog, gateway.providers, gateway.clock
        )
    except AccountRefusedError as error:
        raise problems.invalid_account(error) from error
    except LookupNotSupportedError as error:
        raise problems.lookup_not_supported() from error
    except ProviderRestingError as error:
        raise problems.provider_unavailable(error.retry_after_seconds) from error
    except AccountNotFoundError as error:
        raise problems.account_not_found() from error
    except InvalidAccountError as error:
        raise problems.account_refused_by_provider() from error
    except ProviderError as error:
        raise problems.provider_error(error) from error
    allowed_min = max(service.min_qepik, info.min_qepik or 0)
    allowed_max = min(service.max_qepik, info.max_qepik or service.max_qepik)
    return LookupOut(
        service_id=service.id,
        account=info.account,
        holder=info.holder,
        balance_qepik=info.balance_qepik,
        debt_qepik=info.debt_qepik,
        min_qepik=info.min_qepik,
        max_qepik=info.max_qepik,
        allowed_min_qepik=allowed_min,
        allowed_max_qepik=allowed_max,
    )


@router.post(
    "/services/{service_id}/quote",
    responses=problem_responses(
        {
            404: ["service_not_found"],
            422: ["invalid_account", "invalid_amount", *AMOUNT_LIMIT_CODES],
        }
    ),
)
async def quote_payment(body: QuoteRequest, service: ServiceDep, gateway: GatewayDep) -> QuoteOut:
    """docs/protocols.md §3: the normalised account, the amount, our fee and the total."""
    try:
        quote = make_quote(service, gateway.catalog.phone_plan, body.account, body.amount)
    except AccountRefusedError as error:
        raise problems.invalid_account(error) from error
    except AmountRefusedError as error:
        raise problems.invalid_amount(error) from error
    return QuoteOut(
        service_id=quote.service_id,
        account=quote.account,
        amount_qepik=quote.amount.qepik,
        fee_qepik=quote.fee.qepik,
        total_qepik=quote.total.qepik,
    )

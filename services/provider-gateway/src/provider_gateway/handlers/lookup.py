"""Asking the provider about an account before paying, without hammering a provider that is down."""

from __future__ import annotations

from provider_gateway.adapters.base import AccountInfo, ProviderError, ProviderUnavailableError
from provider_gateway.domain.accounts import normalise_account
from provider_gateway.domain.catalog import Catalog, Service
from provider_gateway.handlers.clock import Clock
from provider_gateway.handlers.providers import Providers


class LookupNotSupportedError(Exception):
    """This provider does not answer lookups; the customer pays without one."""


class ProviderRestingError(Exception):
    """The provider's breaker is open: it failed repeatedly, so we do not call it for a while."""

    def __init__(self, retry_after_seconds: float) -> None:
        super().__init__(f"provider resting for {retry_after_seconds:.0f}s")
        self.retry_after_seconds = retry_after_seconds


async def lookup_account(
    service: Service, typed_account: str, catalog: Catalog, providers: Providers, clock: Clock
) -> AccountInfo:
    """The provider's answer as it sent it; raises the refusals and the adapter's errors."""
    account = normalise_account(service.account, typed_account, catalog.phone_plan)
    if not service.lookup:
        raise LookupNotSupportedError(service.id)
    breaker = providers.breaker_for(service)
    now = clock.now()
    if not breaker.allows_call(now):
        raise ProviderRestingError((breaker.retry_at(now) - now).total_seconds())
    try:
        info = await providers.adapter_for(service).lookup(service.id, account)
    except ProviderUnavailableError:
        breaker.record_failure(clock.now())
        raise
    except ProviderError:
        breaker.record_success()  # it answered, if only to refuse
        raise
    breaker.record_success()
    return info

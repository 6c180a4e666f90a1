"""Both adapters against the real providers sandbox, run as its own process over HTTP."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from devstack.ports import free_port
from provider_gateway.adapters.base import (
    AccountNotFoundError,
    InvalidAccountError,
    PayState,
    ProviderAdapter,
    ProviderError,
    ProviderUnavailableError,
)
from provider_gateway.adapters.osmp import OsmpAdapter
from provider_gateway.adapters.rest import RestAdapter

pytestmark = pytest.mark.integration

ACCOUNT = "501234567"


@pytest.fixture(scope="module")
def providers_url(providers_sandbox_url: str) -> str:
    """The one sandboxes process of this folder (conftest), shared by every integration test."""
    return providers_sandbox_url


@dataclass
class Provider:
    """One protocol family of the running sandbox, a service of its own, and its test controls."""

    family: str
    url: str
    http: httpx.AsyncClient
    service_id: str
    secret: str

    def adapter(self, *, timeout: float = 10.0, secret: str | None = None) -> ProviderAdapter:
        if self.family == "osmp":
            return OsmpAdapter(self.http, self.url, timeout=timeout)
        return RestAdapter(self.http, self.url, secret or self.secret, timeout=timeout)

    async def inject(self, **faults: Any) -> None:
        url = f"{self.url}/_control/faults/{self.service_id}"
        (await self.http.put(url, json=faults)).raise_for_status()

    async def ledger(self, txn_id: str) -> dict[str, Any]:
        url = f"{self.url}/_control/ledger/{self.service_id}/{txn_id}"
        return dict((await self.http.get(url)).json())


@pytest.fixture(params=["osmp", "rest"])
async def provider(
    request: pytest.FixtureRequest, providers_url: str, provider_secret: str
) -> AsyncIterator[Provider]:
    async with httpx.AsyncClient(trust_env=False) as http:
        yield Provider(
            request.param, providers_url, http, f"svc-{uuid.uuid4().hex[:8]}", provider_secret
        )


async def test_a_lookup_shows_the_masked_holder_and_the_limits(provider: Provider) -> None:
    info = await provider.adapter().lookup(provider.service_id, ACCOUNT)
    assert info.account == ACCOUNT
    assert info.holder is not None and info.holder[1:4] == "***"
    assert (info.balance_qepik is None) != (info.debt_qepik is None)
    assert (info.min_qepik, info.max_qepik) == (1, 1_000_000)


async def test_a_lookup_tells_a_missing_account_from_a_malformed_one(provider: Provider) -> None:
    adapter = provider.adapter()
    with pytest.raises(AccountNotFoundError):
        await adapter.lookup(provider.service_id, "501234404")
    with pytest.raises(InvalidAccountError):
        await adapter.lookup(provider.service_id, "50 12#34")


async def test_a_repeated_pay_completes_once(provider: Provider) -> None:
    adapter = provider.adapter()
    first = await adapter.pay(provider.service_id, "pay_once", ACCOUNT, 1005)
    repeat = await adapter.pay(provider.service_id, "pay_once", ACCOUNT, 1005)
    status = await adapter.status(provider.service_id, "pay_once")
    assert first.state is PayState.COMPLETED
    assert first.provider_reference is not None and first.provider_reference.startswith("PRV")
    assert repeat == status == first
    assert await provider.ledger("pay_once") == {
        "pay_calls": 2,
        "payments_recorded": 1,
        "status_queries": 1,  # the status call above
        "status": "completed",
    }


async def test_a_transaction_the_provider_never_saw_is_not_found(provider: Provider) -> None:
    outcome = await provider.adapter().status(provider.service_id, "pay_never_sent")
    assert outcome.state is PayState.NOT_FOUND


async def test_a_lost_answer_times_out_and_status_finds_the_payment(provider: Provider) -> None:
    await provider.inject(timeouts=1, unknown_outcome=1)
    adapter = provider.adapter(timeout=0.5)
    with pytest.raises(ProviderUnavailableError) as raised:
        await adapter.pay(provider.service_id, "pay_lost", ACCOUNT, 500)
    found = await adapter.status(provider.service_id, "pay_lost")
    retried = await adapter.pay(provider.service_id, "pay_lost", ACCOUNT, 500)
    assert raised.value.timed_out
    assert found.state is retried.state is PayState.COMPLETED
    assert (await provider.ledger("pay_lost"))["payments_recorded"] == 1


async def test_a_plain_timeout_pays_nothing_so_a_retry_pays_once(provider: Provider) -> None:
    await provider.inject(timeouts=1)
    adapter = provider.adapter(timeout=0.5)
    with pytest.raises(ProviderUnavailableError) as raised:
        await adapter.pay(provider.service_id, "pay_hung", ACCOUNT, 500)
    unseen = await adapter.status(provider.service_id, "pay_hung")
    retried = await adapter.pay(provider.service_id, "pay_hung", ACCOUNT, 500)
    assert raised.value.timed_out
    assert unseen.state is PayState.NOT_FOUND
    assert retried.state is PayState.COMPLETED
    assert await provider.ledger("pay_hung") == {
        "pay_calls": 2,
        "payments_recorded": 1,
        "status_queries": 1,  # the status call above
        "status": "completed",
    }


async def test_a_5xx_is_unavailable_and_pays_nothing(provider: Provider) -> None:
    await provider.inject(errors_5xx=1)
    with pytest.raises(ProviderUnavailableError) as raised:
        await provider.adapter().pay(provider.service_id, "pay_5xx", ACCOUNT, 500)
    assert not raised.value.timed_out
    assert (await provider.ledger("pay_5xx"))["payments_recorded"] == 0


async def test_a_5xx_after_paying_is_found_by_status(provider: Provider) -> None:
    await provider.inject(unknown_outcome=1)
    adapter = provider.adapter()
    with pytest.raises(ProviderUnavailableError):
        await adapter.pay(provider.service_id, "pay_500", ACCOUNT, 500)
    assert (await adapter.status(provider.service_id, "pay_500")).state is PayState.COMPLETED


async def test_a_slow_provider_is_pending_then_completed(provider: Provider) -> None:
    await provider.inject(complete_after_seconds=1)
    adapter = provider.adapter()
    pending = await adapter.pay(provider.service_id, "pay_slow", ACCOUNT, 500)
    await asyncio.sleep(1.2)
    done = await adapter.status(provider.service_id, "pay_slow")
    assert (pending.state, pending.code) == (PayState.PENDING, "90")
    assert (done.state, done.code) == (PayState.COMPLETED, "0")


async def test_hard_rejections_carry_the_providers_code(provider: Provider) -> None:
    await provider.inject(reject_code=7)
    adapter = provider.adapter()
    forbidden = await adapter.pay(provider.service_id, "pay_forbidden", ACCOUNT, 500)
    await provider.http.delete(f"{provider.url}/_control/faults/{provider.service_id}")
    too_large = await adapter.pay(provider.service_id, "pay_large", ACCOUNT, 1_000_001)
    assert (forbidden.state, forbidden.code) == (PayState.REJECTED, "7")
    assert (too_large.state, too_large.code) == (PayState.REJECTED, "242")
    assert (await provider.ledger("pay_forbidden"))["payments_recorded"] == 0


async def test_lookups_down_are_unavailable(provider: Provider) -> None:
    await provider.inject(lookup_down=True)
    with pytest.raises(ProviderUnavailableError):
        await provider.adapter().lookup(provider.service_id, ACCOUNT)


async def test_an_unreachable_provider_is_unavailable(provider: Provider) -> None:
    provider.url = f"http://127.0.0.1:{free_port()}/providers"
    with pytest.raises(ProviderUnavailableError) as raised:
        await provider.adapter().pay(provider.service_id, "pay_nowhere", ACCOUNT, 500)
    assert not raised.value.timed_out


@pytest.mark.parametrize("provider", ["rest"], indirect=True)
async def test_a_wrong_secret_is_refused_and_pays_nothing(provider: Provider) -> None:
    adapter = provider.adapter(secret="not-the-shared-secret")
    with pytest.raises(ProviderError) as raised:
        await adapter.pay(provider.service_id, "pay_unsigned", ACCOUNT, 500)
    assert not isinstance(raised.value, ProviderUnavailableError)
    assert "signature" in str(raised.value)
    assert (await provider.ledger("pay_unsigned"))["pay_calls"] == 0

"""Answers no honest sandbox gives: the adapters must never read them as a result.

These use httpx.MockTransport, since the providers sandbox only speaks its protocols correctly.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime

import httpx
import pytest

from provider_gateway.adapters.base import (
    PayState,
    ProviderAdapter,
    ProviderError,
    ProviderUnavailableError,
)
from provider_gateway.adapters.osmp import BAKU, OsmpAdapter
from provider_gateway.adapters.rest import RestAdapter

Answer = Callable[[httpx.Request], httpx.Response]
PAID_BY_ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY ok "0">]>'
    b"<response><osmp_txn_id>pay_1</osmp_txn_id><result>&ok;</result></response>"
)
PAID = b"<response><osmp_txn_id>pay_1</osmp_txn_id><sum>0.05</sum><result>0</result></response>"


def xml(body: bytes, status_code: int = 200) -> Answer:
    return lambda _request: httpx.Response(status_code, content=body)


def json_answer(status_code: int, body: object) -> Answer:
    return lambda _request: httpx.Response(status_code, json=body)


@asynccontextmanager
async def adapter(family: str, answer: Answer) -> AsyncIterator[ProviderAdapter]:
    async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as client:
        if family == "osmp":
            yield OsmpAdapter(
                client, "http://provider", now=lambda: datetime(2025, 3, 1, 9, 5, tzinfo=BAKU)
            )
        else:
            yield RestAdapter(client, "http://provider", "secret")


@pytest.mark.parametrize(
    ("family", "answer"),
    [
        ("osmp", xml(b"<response><result>0</result>")),
        ("osmp", xml(PAID_BY_ENTITY)),
        ("osmp", xml(PAID[:-11] + b" " * 70_000 + b"</response>")),
        ("osmp", xml(PAID.replace(b"pay_1", b"pay_other"))),
        ("osmp", xml(b"<response><osmp_txn_id>pay_1</osmp_txn_id><result>8</result></response>")),
        ("rest", xml(b"<html>welcome</html>")),
        ("rest", json_answer(201, {"transaction_id": "pay_1", "status": "?"})),
        (
            "rest",
            json_answer(201, {"transaction_id": "pay_1", "status": "completed", "x": "a" * 70_000}),
        ),
    ],
    ids=[
        "broken xml",
        "entity-declared result",
        "oversized xml",
        "another txn",
        "technical pause",
        "html",
        "unknown status",
        "oversized json",
    ],
)
async def test_an_unusable_pay_answer_is_an_unknown_outcome(family: str, answer: Answer) -> None:
    async with adapter(family, answer) as provider:
        with pytest.raises(ProviderUnavailableError):
            await provider.pay("svc", "pay_1", "501234567", 5)


@pytest.mark.parametrize(
    ("family", "answer"),
    [
        ("osmp", json_answer(404, {"detail": "Not Found"})),
        ("rest", json_answer(404, {"detail": "Not Found"})),
    ],
    ids=["osmp", "rest"],
)
async def test_a_404_that_is_not_the_protocols_not_found_never_means_safe_to_pay(
    family: str, answer: Answer
) -> None:
    async with adapter(family, answer) as provider:
        with pytest.raises(ProviderError):
            await provider.status("svc", "pay_1")


async def test_a_final_code_on_a_check_is_a_refusal_not_an_outage() -> None:
    refusal = xml(b"<response><result>79</result><comment>blocked</comment></response>")
    async with adapter("osmp", refusal) as provider:
        with pytest.raises(ProviderError) as raised:
            await provider.lookup("svc", "501234567")
    assert not isinstance(raised.value, ProviderUnavailableError)


async def test_a_503_passes_on_the_providers_retry_after() -> None:
    def busy(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, headers={"Retry-After": "30"})

    async with adapter("osmp", busy) as provider:
        with pytest.raises(ProviderUnavailableError) as raised:
            await provider.pay("svc", "pay_1", "501234567", 5)
    assert raised.value.retry_after == 30


async def test_osmp_pay_sends_two_decimals_and_baku_time() -> None:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, content=PAID)

    async with adapter("osmp", answer) as provider:
        outcome = await provider.pay("svc", "pay_1", "501234567", 5)
    assert sent[0].url.params["sum"] == "0.05"
    assert sent[0].url.params["txn_date"] == "20250301090500"
    assert (outcome.state, outcome.amount_qepik) == (PayState.COMPLETED, 5)

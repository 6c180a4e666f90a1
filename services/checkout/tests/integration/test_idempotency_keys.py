"""One Idempotency-Key, one payment: concurrent repeats share one payment, one card page and one
answer; another body under the key is refused; a refusal is repeated with the same words."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest

from checkout.adapters.catalog import CatalogRefusedError
from checkout.handlers.context import Checkout
from sandboxes.bank.state import BankState

from .customer import create, order
from .parties import FakeCatalog

pytestmark = pytest.mark.integration

REPEATS = 8


def catalog_of(checkout: Checkout) -> FakeCatalog:
    assert isinstance(checkout.catalog, FakeCatalog)
    return checkout.catalog


async def test_concurrent_creates_with_one_key_make_one_payment_one_card_page_one_answer(
    api: httpx.AsyncClient, checkout: Checkout, bank: BankState
) -> None:
    key = f"race-{uuid.uuid4()}"
    catalog = catalog_of(checkout)
    answered: list[httpx.Response] = []
    others_answered = asyncio.Event()

    async def claimant_still_quoting() -> None:
        catalog.while_quoting = None  # only the request that claimed the key gets here
        await others_answered.wait()  # every other request arrives while it is still working

    async def attempt() -> httpx.Response:
        response = await create(api, key)
        answered.append(response)
        if len(answered) == REPEATS - 1:
            others_answered.set()
        return response

    catalog.while_quoting = claimant_still_quoting
    responses = await asyncio.wait_for(asyncio.gather(*(attempt() for _ in range(REPEATS))), 30)

    (first,) = [r for r in responses if r.status_code == 201]
    busy = [r for r in responses if r is not first]
    assert [r.status_code for r in busy] == [409] * (REPEATS - 1)
    assert {r.json()["code"] for r in busy} == {"request_in_progress"}
    assert {r.headers["Retry-After"] for r in busy} == {"1"}
    # Each client repeats as told, and now gets the first answer.
    repeated = await asyncio.gather(*(create(api, key) for _ in busy))
    assert [(r.status_code, r.json()) for r in repeated] == [(201, first.json())] * len(busy)
    assert await checkout.payments._store.collection.count_documents({}) == 1
    assert [t.order_id for t in bank.store.transactions()] == [first.json()["payment_id"]]
    assert len(catalog.quoted) == 1


async def test_the_same_key_with_another_body_is_refused_and_changes_nothing(
    api: httpx.AsyncClient, checkout: Checkout, bank: BankState
) -> None:
    key = f"reuse-{uuid.uuid4()}"
    first = await create(api, key)
    others = await asyncio.gather(*(create(api, key, order("99.99")) for _ in range(3)))
    again = await create(api, key)

    assert first.status_code == 201
    for other in others:
        assert other.status_code == 422
        assert other.headers["content-type"] == "application/problem+json"
        problem = other.json()
        assert problem["code"] == "idempotency_key_reused"
        assert set(problem["message"]) == {"az", "en", "ru"}
    assert (again.status_code, again.json()) == (201, first.json())
    assert await checkout.payments._store.collection.count_documents({}) == 1
    assert len(list(bank.store.transactions())) == 1


async def test_a_catalog_refusal_is_repeated_for_its_key_with_the_catalogs_own_words(
    api: httpx.AsyncClient, checkout: Checkout, bank: BankState
) -> None:
    words = {
        "az": "Bu nömrə Azercell-ə aid deyil.",
        "en": "This number is not Azercell's.",
        "ru": "Этот номер не относится к Azercell.",
    }
    catalog = catalog_of(checkout)
    catalog.refusal = CatalogRefusedError(422, "invalid_account", words, {})
    key = f"refused-{uuid.uuid4()}"

    first = await create(api, key)
    catalog.refusal = None  # the catalog would now accept: the key still answers as it first did
    again = await create(api, key)

    for answer in (first, again):
        assert answer.status_code == 422
        assert answer.json()["code"] == "invalid_account"
        assert answer.json()["message"] == words
    assert len(catalog.quoted) == 1
    assert await checkout.payments._store.collection.count_documents({}) == 0
    assert list(bank.store.transactions()) == []

"""End-to-end fixtures: a customer's HTTP client over the whole running system."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from devstack.paths import repo_root
from devstack.stack import Stack
from tests.e2e.money_walk import summary, walk
from tests.e2e.portal import Portal


@pytest.fixture
async def portal(system: Stack) -> AsyncIterator[Portal]:
    async with httpx.AsyncClient(timeout=30, follow_redirects=True) as client:
        yield Portal(system, client)


@pytest.fixture(scope="session", autouse=True)
async def every_payment_ends_honestly(system: Stack) -> AsyncIterator[None]:
    """After the last test: each payment the suite made ended activated or refunded, or waits
    with a case open (`tests/e2e/money_walk.py`); the walk is kept in test-artifacts/."""
    yield
    stories, wrong = await walk(system)
    report = summary(stories, wrong)
    artifacts = repo_root() / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "money-walk.txt").write_text(report + "\n", encoding="utf-8")
    assert not wrong, report

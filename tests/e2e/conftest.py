"""End-to-end fixtures: a customer's HTTP client over the whole running system."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from devstack.stack import Stack
from tests.e2e.portal import Portal


@pytest.fixture
async def portal(system: Stack) -> AsyncIterator[Portal]:
    async with httpx.AsyncClient(timeout=30, follow_redirects=True) as client:
        yield Portal(system, client)

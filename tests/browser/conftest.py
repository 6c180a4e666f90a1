"""Browser fixtures: one headless Chromium per session, a fresh context (storage, cookies) per test."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from playwright.async_api import Browser, async_playwright

from devstack.stack import Stack
from tests.browser.browser import check_web_build, launch_chromium
from tests.browser.customer import Customer


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    check_web_build()
    async with async_playwright() as playwright:
        chromium = await launch_chromium(playwright)
        try:
            yield chromium
        finally:
            await chromium.close()


@pytest.fixture
async def customer(system: Stack, browser: Browser) -> AsyncIterator[Customer]:
    """A customer at a desktop-sized window; the test may resize it."""
    context = await browser.new_context(viewport={"width": 1024, "height": 800}, locale="az-AZ")
    page = await context.new_page()
    person = Customer(system, page)
    await person.watch_for_errors()
    try:
        yield person
        person.assert_no_page_errors()
    finally:
        await context.close()

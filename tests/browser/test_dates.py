"""Dates, times and durations read the same on every page, in the portal's own words in each
language and in Baku time, whatever the browser's own locale and time zone."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator
from datetime import datetime, timedelta, timezone

import httpx
import pytest
from playwright.async_api import Browser, Locator, expect

from devstack.stack import Stack
from tests.browser.customer import Customer
from tests.browser.test_console import file_letter, sign_in
from tests.browser.test_narrow_screens import REGISTERED_IMEI, start_payment

pytestmark = pytest.mark.e2e

MONTHS = {
    "az": "yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr",
    "en": "January February March April May June July August September October November December",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
BAKU = timezone(timedelta(hours=4))
HOURS = {"az": "72 saat", "en": "72 hours", "ru": "72 часа"}
LANGUAGE_BUTTONS = {"az": "Azərbaycanca", "en": "English", "ru": "Русский"}


def baku(iso: str, lang: str, seconds: bool = False) -> str:
    """What the page must say: Asia/Baku is UTC+4 all year."""
    at = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(BAKU)
    month = MONTHS[lang].split()[at.month - 1]
    clock = at.strftime("%H:%M:%S" if seconds else "%H:%M")
    return f"{at.day} {month} {at.year}, {clock}"


@pytest.fixture
async def far_away(system: Stack, browser: Browser) -> AsyncIterator[Customer]:
    """A customer whose browser speaks American English and lives in New York."""
    context = await browser.new_context(
        viewport={"width": 1024, "height": 800}, locale="en-US", timezone_id="America/New_York"
    )
    person = Customer(system, await context.new_page())
    await person.watch_for_errors()
    try:
        yield person
        person.assert_no_page_errors()
    finally:
        await context.close()


async def assert_baku_time(time: Locator, lang: str, seconds: bool = False) -> None:
    iso = await time.get_attribute("datetime")
    assert iso is not None
    await expect(time).to_have_text(baku(iso, lang, seconds))


async def test_every_page_dates_in_its_own_words_and_baku_time(far_away: Customer) -> None:
    customer, page = far_away, far_away.page
    email = f"dates-{uuid.uuid4().hex[:8]}@example.az"
    ticket_id = await file_letter(customer, email)
    async with httpx.AsyncClient(base_url=customer.system.gateway_url) as client:
        status = await client.get(f"/api/support/tickets/{ticket_id}", params={"email": email})
    due_at = status.json()["due_at"]
    payment_id = await start_payment(customer)

    for lang in ("az", "en", "ru"):
        await customer.open("/faq")
        await page.get_by_role("button", name=LANGUAGE_BUTTONS[lang]).click()
        await customer.open(f"/ticket?id={ticket_id}")
        await page.locator("#ticket_email").fill(email)
        await page.locator("form button[type=submit]").click()
        await expect(page.locator("#ticket-due")).to_have_text(
            f"{baku(due_at, lang)} ({HOURS[lang]})"
        )
        await customer.screenshot(f"dates-ticket-{lang}")

        await customer.open(f"/pay/result?payment={payment_id}")
        await assert_baku_time(page.locator(".history time").first, lang, seconds=True)
        await customer.open(f"/imei/status?imei={REGISTERED_IMEI}")
        await assert_baku_time(page.locator("#imei-since"), lang)

    await customer.screenshot("dates-imei-status-ru")
    await page.get_by_role("button", name="Azərbaycanca").click()
    await sign_in(customer)
    await expect(page.locator("#signed-in")).to_be_visible()
    await customer.open(f"/console/tickets/{ticket_id}")
    await page.get_by_role("button", name="Русский").click()
    await expect(page.locator("#ticket-due")).to_have_text(f"{baku(due_at, 'ru')} (72 часа)")
    await assert_baku_time(page.locator(".trail time").first, "ru")
    await expect(page.locator(".sla")).to_have_text(re.compile(r"^осталось 7\d:\d\d:\d\d$"))
    await customer.screenshot("dates-console-ticket-ru")

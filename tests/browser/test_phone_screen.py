"""The whole payment on a 375-px-wide phone screen: nothing wider than the screen, all reachable."""

from __future__ import annotations

import pytest
from playwright.async_api import Page, expect

from tests.browser.customer import Customer, fresh_phone

pytestmark = pytest.mark.e2e
PHONE = {"width": 375, "height": 740}


async def assert_fits_the_screen(page: Page) -> None:
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide"


async def test_a_phone_bill_is_paid_on_a_375_px_screen(customer: Customer) -> None:
    page = customer.page
    await page.set_viewport_size(PHONE)
    await customer.open("/")
    await page.get_by_role("button", name="Mobil operatorlar").click()
    await expect(page.get_by_role("status").first).to_have_text("4 xidmət tapıldı")
    await assert_fits_the_screen(page)
    await customer.screenshot("phone-home")

    await page.get_by_role("link", name="Bakcell").click()
    typed = fresh_phone("055")
    await customer.type_account(typed)
    spaced = f"+994 {typed[1:3]} {typed[3:6]} {typed[6:8]} {typed[8:]}"
    await expect(page.locator("#account")).to_have_value(spaced)
    await page.get_by_role("button", name="Yoxla").click()
    await page.get_by_role("button", name="Borcu ödə").click()
    debt = await page.locator("#amount").input_value()
    await expect(page.locator("#sum-total")).to_have_text(f"{debt} AZN")
    await assert_fits_the_screen(page)
    await customer.screenshot("phone-service")

    created = await customer.pay()
    assert created["amount"]["text"] == f"{debt} AZN"
    await customer.pay_by_card()
    await customer.wait_for_state("completed")
    await assert_fits_the_screen(page)
    await customer.screenshot("phone-result-completed")

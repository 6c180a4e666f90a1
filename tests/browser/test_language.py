"""Azerbaijani by default; English and Russian on a click, remembered after a reload."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from tests.browser.customer import Customer

pytestmark = pytest.mark.e2e


async def test_the_chosen_language_is_used_everywhere_and_remembered(customer: Customer) -> None:
    page = customer.page
    await customer.open("/")
    await expect(page.locator("html")).to_have_attribute("lang", "az")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Xidmətləri evdən ödəyin")

    await page.get_by_role("button", name="English").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Pay for services from home")
    await expect(page.get_by_role("button", name="English")).to_have_attribute(
        "aria-pressed", "true"
    )
    await expect(page.get_by_role("button", name="Mobile operators")).to_be_visible()
    await page.reload()
    await expect(page.locator("html")).to_have_attribute("lang", "en")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Pay for services from home")
    await customer.screenshot("home-en")

    await page.get_by_role("link", name="Azercell prepaid (SimSim)").click()
    await customer.type_account("055 123 45 67")
    await page.get_by_role("button", name="Check").click()
    error = page.locator("#account-error")
    await expect(error).to_contain_text("Numbers starting with 055 were issued by Bakcell")
    await expect(page.locator("#account")).to_have_attribute("aria-invalid", "true")

    await page.get_by_role("button", name="Русский").click()
    await expect(page.get_by_label("Номер мобильного")).to_have_value("+994 55 123 45 67")
    await expect(page.get_by_role("button", name="Оплатить")).to_be_visible()
    await page.get_by_role("link", name="Вопросы").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Частые вопросы")
    await page.get_by_text("Не получается оплатить банковской картой").click()
    await expect(page.get_by_text("Убедитесь, что на балансе карты")).to_be_visible()
    await customer.screenshot("faq-ru")
    await page.reload()
    await expect(page.locator("html")).to_have_attribute("lang", "ru")


async def test_a_refused_account_is_explained_next_to_its_field(customer: Customer) -> None:
    page = customer.page
    await customer.open("/services/azercell")
    await page.get_by_role("button", name="English").click()
    await customer.type_account("012 498 12 34")  # a Baku landline is no Azercell number
    await page.locator("#amount").fill("2")
    await page.get_by_role("button", name="Pay", exact=True).click()
    await expect(page.locator("#account-error")).to_have_text(
        "012 is not a mobile prefix; Azercell numbers start with 050, 051, 010."
    )
    await expect(page.locator("#account")).to_be_focused()
    assert page.url.endswith("/services/azercell")

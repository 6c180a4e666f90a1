"""Small things that confused customers: the IMEI tile leads to the IMEI page, IMEI problems and the
registry's contacts are said once, the mismatch letter asks for the e-mail once, and an amount above
the maximum is named as it is typed, never shown as a payable total."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.browser.customer import Customer, fresh_phone
from tests.browser.test_imei import IPHONE_3G, PRE_REGISTERED, ask_quote, fresh_imei

pytestmark = pytest.mark.e2e


async def test_the_imei_tile_opens_the_imei_page(customer: Customer) -> None:
    page = customer.page
    await customer.open("/")
    await page.get_by_label("Xidmət axtar").fill("IMEI")
    await page.get_by_role("link", name="IMEI qeydiyyatı (MCQS dövlət rüsumu)").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("IMEI qeydiyyatı")
    await expect(page.locator("#imei1")).to_be_visible()
    await expect(page.locator("#account")).to_have_count(0)
    assert page.url.endswith("/imei")
    await customer.open("/services/imei-registration")  # an old link
    await expect(page.locator("#imei1")).to_be_visible()
    assert page.url.endswith("/imei")


async def test_imei_problems_and_contacts_are_said_once(customer: Customer) -> None:
    page = customer.page
    await customer.open("/imei")
    await page.locator("#imei1").fill("49015420323751")  # 14 digits
    await page.get_by_role("button", name="Rüsumu hesabla").click()
    error = page.locator("#imei1-error")
    await expect(error).to_be_visible()
    said = await error.inner_text()
    assert (await page.locator("main").inner_text()).count(said) == 1, said
    await expect(page.locator("form.pay .form-error")).to_be_empty()

    await ask_quote(customer, fresh_imei(IPHONE_3G), fresh_imei(IPHONE_3G))
    await expect(page.locator("form.mismatch")).to_be_visible()
    await expect(page.locator("input[type=email]:visible")).to_have_count(1)
    await customer.screenshot("imei-mismatch-one-email")

    await customer.open(f"/imei/status?imei={PRE_REGISTERED}")
    status = page.locator(".imei-status")
    await expect(status.locator("h2")).to_have_text("Qeydiyyatdan keçib")
    text = await status.inner_text()
    line = await status.locator(".registry").inner_text()
    assert text.count("157") == 1 and line.count("imei.az") == 1, text
    await expect(status.get_by_role("link", name="imei.az")).to_be_visible()
    await customer.screenshot("imei-status-contacts-once")


async def test_an_amount_above_the_maximum_is_named_as_it_is_typed(customer: Customer) -> None:
    page = customer.page
    async with httpx.AsyncClient(base_url=customer.system.gateway_url) as client:
        about = (await client.get("/api/catalog/services/azercell")).json()
    most = about["max_qepik"]
    maximum = f"{most // 100}.{most % 100:02d}"
    await customer.open("/services/azercell")
    await customer.type_account(fresh_phone())
    await page.locator("#amount").fill(f"{most // 100 + 1}")
    await expect(page.locator("#amount-error")).to_have_text(f"Ən çox {maximum} AZN ödəmək olar.")
    await expect(page.locator("#sum-total")).to_have_text("—")
    await customer.screenshot("service-amount-above-maximum")
    await page.locator("#amount").fill("10000000")
    await expect(page.locator("#amount-error")).to_contain_text(maximum)
    await page.locator("#amount").fill("5")
    await expect(page.locator("#amount-error")).to_be_hidden()
    await expect(page.locator("#sum-total")).not_to_have_text("—")

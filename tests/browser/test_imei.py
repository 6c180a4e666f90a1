"""IMEI registration in the browser: a duos quote leads to the bank's page; a duos chosen for a
single-SIM model is explained and becomes a 48-hour ticket; the status page names the registry."""

from __future__ import annotations

import uuid

import pytest
from playwright.async_api import expect

from imei_registry.domain.imei import with_check_digit
from tests.browser.customer import Customer

pytestmark = pytest.mark.e2e

REDMI_NOTE_13 = "00100400"  # synthetic duos, 40 AZN
IPHONE_3G = "01161200"  # one SIM slot
PRE_REGISTERED = "490154203237518"  # the MCQS sandbox holds it from the start


def fresh_imei(tac: str) -> str:
    return with_check_digit(f"{tac}{uuid.uuid4().int % 1_000_000:06d}")


async def ask_quote(customer: Customer, first: str, second: str) -> None:
    page = customer.page
    await customer.open("/imei")
    await expect(page.locator("#imei2")).to_be_hidden()
    await page.get_by_label("İki SIM (duos)").check()
    await page.locator("#imei1").fill(first)
    await page.locator("#imei2").fill(second)
    await page.get_by_role("button", name="Rüsumu hesabla").click()


async def test_a_duos_is_quoted_and_paid_on_the_bank_page(customer: Customer) -> None:
    page = customer.page
    await ask_quote(customer, fresh_imei(REDMI_NOTE_13), fresh_imei(REDMI_NOTE_13))
    await expect(page.locator("#quote-fee")).to_have_text("40.00 AZN")
    await expect(page.locator("#quote-check")).to_have_text("Seçdiyiniz növ modelə uyğundur")
    await customer.screenshot("imei-quote")
    await page.locator("#pay-imei").click()
    await page.wait_for_url(f"{customer.system.sandbox_url}/bank/pay/**")
    await expect(page.locator(".amount")).to_have_text("40.00 AZN")


async def test_duos_for_a_single_sim_model_files_the_prefilled_48_hour_ticket(
    customer: Customer,
) -> None:
    page = customer.page
    await ask_quote(customer, fresh_imei(IPHONE_3G), fresh_imei(IPHONE_3G))
    await expect(page.locator(".form-error").first).to_contain_text("iPhone 3G")
    await expect(page.locator("form.mismatch")).to_contain_text("Apple iPhone 3G")
    await page.locator("#ticket_first_name").fill("Aysel")
    await page.locator("#ticket_last_name").fill("Məmmədova")
    await page.locator("#ticket_email").fill(f"imei-{uuid.uuid4().hex[:8]}@example.az")
    await page.get_by_role("button", name="Müraciət göndər (48 saat)").click()
    filed = page.locator(".ticket-number")
    await expect(filed).to_contain_text("tkt_")
    await expect(filed).to_contain_text("48 saat")
    await customer.screenshot("imei-mismatch-ticket")


async def test_the_status_page_shows_a_registered_imei_with_the_registry(
    customer: Customer,
) -> None:
    page = customer.page
    await customer.open(f"/imei/status?imei={PRE_REGISTERED}")
    await expect(page.locator("h2.imei-state")).to_have_text("Qeydiyyatdan keçib")
    await expect(page.locator(".registry")).to_contain_text("157")
    await expect(page.get_by_role("link", name="imei.az")).to_be_visible()

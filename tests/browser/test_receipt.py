"""The receipt in Chromium names the service (not its slug) and prints through its PDF."""

from __future__ import annotations

from io import BytesIO

import pytest
from playwright.async_api import expect
from pypdf import PdfReader

from tests.browser.customer import Customer, fresh_phone

pytestmark = pytest.mark.e2e


async def test_the_receipt_names_the_service_and_downloads_as_pdf(customer: Customer) -> None:
    page = customer.page
    phone = fresh_phone()  # 050…: shown as +994 50 …
    spaced = f"+994 {phone[1:3]} {phone[3:6]} {phone[6:8]} {phone[8:]}"
    await customer.open("/services/azercell")
    await customer.type_account(phone)
    await page.locator("#email").fill("aysel@example.az")
    created = await customer.pay("4")
    await expect(page.locator("p.muted").first).to_contain_text(f", {spaced}")  # the bank's page
    await customer.pay_by_card()
    await customer.wait_for_state("completed")

    async with page.expect_download() as downloading:
        await page.get_by_role("link", name="Qəbzi PDF kimi yüklə").click()
    download = await downloading.value
    assert download.suggested_filename == f"qebz-{created['payment_id']}.pdf"
    pdf = PdfReader(BytesIO((await download.path()).read_bytes()))
    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert "Azercell (SimSim)" in text and spaced in text

    async with page.expect_popup() as opened:
        await page.get_by_role("link", name="Qəbzi aç").click()
    receipt = await opened.value
    body = receipt.locator("body")
    await expect(body).to_contain_text("Azercell (SimSim)")
    await expect(body).not_to_contain_text("azercell")  # the slug
    await expect(body).to_contain_text(spaced)
    await expect(body).to_contain_text("(Bakı vaxtı)")  # the page is in az: so is the receipt
    await customer.screenshot("receipt-named", receipt)

    printing = receipt.get_by_role("link", name="Çap et (PDF)")
    href = await printing.get_attribute("href")
    answer = await receipt.request.get(receipt.url.rsplit("/", 1)[0] + f"/{href}")
    assert answer.ok and answer.headers["content-type"] == "application/pdf"

"""Every page at 320 and 375 px: nothing wider than the screen, the header a menu button (so search
results show above the fold), the console's queue cards on a phone and a table on a desk screen."""

from __future__ import annotations

import uuid

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.browser.customer import Customer, fresh_phone
from tests.browser.test_console import file_letter, sign_in

pytestmark = pytest.mark.e2e
WIDTHS = (320, 375)
REGISTERED_IMEI = "490154203237518"


async def assert_fits(page: Page, width: int) -> None:
    wide = await page.evaluate("document.documentElement.scrollWidth")
    assert wide <= width, f"{page.url} is {wide} px wide at {width} px"


async def start_payment(customer: Customer) -> str:
    body = {"service_id": "azercell", "account": fresh_phone(), "amount": "3"}
    headers = {"Idempotency-Key": f"narrow-{uuid.uuid4().hex}"}
    async with httpx.AsyncClient(base_url=customer.system.gateway_url) as client:
        answer = await client.post("/api/payments", json=body, headers=headers)
    assert answer.status_code == 201, answer.text
    payment_id: str = answer.json()["payment_id"]
    return payment_id


async def test_no_customer_page_is_wider_than_a_small_phone(customer: Customer) -> None:
    page = customer.page
    email = f"narrow-screen-check-{uuid.uuid4().hex[:8]}@example.az"
    ticket_id = await file_letter(customer, email)
    payment_id = await start_payment(customer)
    pages = {
        "home": ("/", page.locator(".service-link").first),
        "service": ("/services/azercell", page.locator("#amount")),
        "result": (f"/pay/result?payment={payment_id}", page.locator("h2.state")),
        "contact": ("/contact", page.locator("#message")),
        "imei": ("/imei", page.locator("#imei1")),
        "imei-status": (f"/imei/status?imei={REGISTERED_IMEI}", page.locator("h2.imei-state")),
        "faq": ("/faq", page.locator(".faq details").first),
    }
    for width in WIDTHS:
        await page.set_viewport_size({"width": width, "height": 700})
        for name, (path, ready) in pages.items():
            await customer.open(path)
            await expect(ready).to_be_visible()
            await assert_fits(page, width)
            if width == 375:
                await customer.screenshot(f"narrow-{name}")
        await customer.open(f"/ticket?id={ticket_id}")
        await page.locator("#ticket_email").fill(email)
        await page.get_by_role("button", name="Yoxla").click()
        await expect(page.locator("h2.ticket-state")).to_be_visible()
        await assert_fits(page, width)
        if width == 375:
            await customer.screenshot("narrow-ticket-status")

    # The ticket number a letter gets, on the narrowest screen.
    await page.set_viewport_size({"width": 320, "height": 700})
    await customer.open("/contact")
    await page.get_by_label("Ad", exact=True).fill("Aysel")
    await page.get_by_label("Soyad").fill("Məmmədova")
    await page.get_by_label("E-poçt").fill(email)
    await page.locator("#subject").select_option("other")
    await page.get_by_label("İsmarıc").fill("Kartdan pul çıxıb, balans artmayıb.")
    await page.get_by_role("button", name="Göndər").click()
    await expect(page.locator(".ticket-number")).to_contain_text("tkt_")
    await assert_fits(page, 320)
    number = await page.locator(".ticket-number").evaluate(
        "(element) => element.scrollWidth <= element.clientWidth"
    )
    assert number, "the ticket number runs out of its box"
    await customer.screenshot("narrow-contact-sent")


async def test_the_header_is_a_menu_button_on_a_phone(customer: Customer) -> None:
    page = customer.page
    await page.set_viewport_size({"width": 375, "height": 667})
    await customer.open("/")
    header = await page.locator("header.top").bounding_box()
    assert header is not None and header["height"] <= 64, f"the header is {header} tall"
    menu = page.get_by_role("button", name="Menyu")
    top = page.locator("header.top")
    await expect(menu).to_have_attribute("aria-expanded", "false")
    await expect(top.get_by_role("link", name="IMEI qeydiyyatı")).to_be_hidden()

    await page.get_by_label("Xidmət axtar").fill("Nar")
    await expect(page.get_by_role("status").first).to_have_text("1 xidmət tapıldı")
    first = page.get_by_role("link", name="Nar", exact=True)
    await expect(first).to_be_visible()
    found = await first.bounding_box()
    assert found is not None and found["y"] + found["height"] <= 667, "results below the fold"
    await customer.screenshot("narrow-header-closed")

    # The keyboard opens the menu, reaches its links, and Escape closes it again.
    await customer.open("/")
    for _ in range(5):
        await page.keyboard.press("Tab")
        if await menu.evaluate("(element) => element === document.activeElement"):
            break
    await expect(menu).to_be_focused()
    await page.keyboard.press("Enter")
    await expect(menu).to_have_attribute("aria-expanded", "true")
    await expect(top.get_by_role("link", name="IMEI qeydiyyatı")).to_be_visible()
    await expect(page.get_by_role("button", name="English")).to_be_visible()
    await customer.screenshot("narrow-header-open")
    await page.keyboard.press("Escape")
    await expect(menu).to_have_attribute("aria-expanded", "false")
    await expect(menu).to_be_focused()
    await page.keyboard.press("Enter")
    await page.keyboard.press("Tab")
    await expect(top.get_by_role("link", name="Xidmətlər")).to_be_focused()
    await top.get_by_role("link", name="IMEI qeydiyyatı").press("Enter")
    await expect(page.get_by_role("heading", level=1)).to_have_text("IMEI qeydiyyatı")
    await expect(menu).to_have_attribute("aria-expanded", "false")


async def test_the_console_fits_a_desk_screen_and_a_phone(customer: Customer) -> None:
    page = customer.page
    email = f"a-rather-long-address-{uuid.uuid4().hex[:8]}@example.az"
    ticket_id = await file_letter(customer, email)
    await page.set_viewport_size({"width": 1280, "height": 800})
    await sign_in(customer)
    await expect(page.locator("#signed-in")).to_be_visible()
    row = page.locator(f"[data-ticket='{ticket_id}']")
    await expect(row).to_be_visible()
    await assert_fits(page, 1280)
    table = await page.locator(".queue-table").bounding_box()
    main = await page.locator("main").bounding_box()
    assert table is not None and main is not None
    assert table["x"] + table["width"] <= main["x"] + main["width"], "the table leaves the page"
    await customer.screenshot("console-queue-desk")

    for width in WIDTHS:
        await page.set_viewport_size({"width": width, "height": 700})
        await customer.open("/console")
        await expect(row).to_be_visible()
        await assert_fits(page, width)
        if width == 375:
            await customer.screenshot("narrow-console-queue")
        await customer.open(f"/console/tickets/{ticket_id}")
        await expect(page.locator("#letter")).to_be_visible()
        await assert_fits(page, width)
        if width == 375:
            await customer.screenshot("narrow-console-ticket")

"""Keyboard alone reaches the bank's page; text keeps WCAG AA contrast; fields have labels."""

from __future__ import annotations

import pytest
from playwright.async_api import Page, expect

from tests.browser.customer import Customer, fresh_phone

pytestmark = pytest.mark.e2e

# Colours of text and of the first opaque background behind it, as the browser computed them.
COLOURS = """(selector) => [...document.querySelectorAll(selector)].map((element) => {
  let behind = element;
  while (behind && getComputedStyle(behind).backgroundColor === "rgba(0, 0, 0, 0)") {
    behind = behind.parentElement;
  }
  return [getComputedStyle(element).color, getComputedStyle(behind || document.body).backgroundColor];
})"""


def luminance(css: str) -> float:
    red, green, blue = (int(part) / 255 for part in css[css.index("(") + 1 : -1].split(",")[:3])

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


async def tab_to(page: Page, selector: str, presses: int = 40) -> None:
    for _ in range(presses):
        await page.keyboard.press("Tab")
        if await page.locator(selector).evaluate("(element) => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {selector}")


async def test_the_keyboard_alone_reaches_the_bank_page(customer: Customer) -> None:
    page = customer.page
    await customer.open("/")
    await page.keyboard.press("Tab")
    await expect(page.get_by_role("link", name="Əsas məzmuna keç")).to_be_focused()
    await page.keyboard.press("Enter")
    await tab_to(page, "#search")
    await page.keyboard.type("Nar")
    # The list re-renders as the search settles; tab only once it has.
    await expect(page.get_by_role("status").first).to_have_text("1 xidmət tapıldı")
    await expect(page.get_by_role("link", name="Nar", exact=True)).to_be_visible()
    await tab_to(page, "a[href='/services/nar']")
    await page.keyboard.press("Enter")
    await expect(page.locator("main")).to_be_focused()  # a screen reader starts at the new page
    await tab_to(page, "#account")
    await page.keyboard.type(fresh_phone().replace("050", "070", 1))
    await tab_to(page, "#amount")
    await page.keyboard.type("1.5")
    await tab_to(page, "#email")
    await page.keyboard.type("aysel@example.az")
    await page.keyboard.press("Enter")
    await page.wait_for_url(f"{customer.system.sandbox_url}/bank/pay/**")


async def test_text_has_aa_contrast_and_every_field_a_label(customer: Customer) -> None:
    page = customer.page
    await customer.open("/services/azercell")
    await expect(page.locator("#account")).to_be_visible()
    selectors = "h1, label, .hint, .note, dt, dd, a, button, .bottom"
    pairs = await page.evaluate(COLOURS, selectors)
    assert len(pairs) > 10
    low = [(pair, round(contrast(*pair), 2)) for pair in pairs if contrast(*pair) < 4.5]
    assert low == []
    for field in ("#account", "#amount", "#email"):
        label = page.locator(f"label[for='{field[1:]}']")
        await expect(label).to_have_count(1)
        await expect(label).not_to_be_empty()

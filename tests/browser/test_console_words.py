"""The console speaks to the specialist in its own words, in az, en and ru: states named alike in
the filter and the queue, the trail in words, the role translated, only the actions the ticket's
state allows, and a warning before a text goes to the customer."""

from __future__ import annotations

import uuid

import pytest
from playwright.async_api import expect

from tests.browser.customer import Customer
from tests.browser.test_console import file_letter, sign_in

pytestmark = pytest.mark.e2e


async def test_the_console_has_its_own_words_and_only_the_allowed_actions(
    customer: Customer,
) -> None:
    page = customer.page
    email = f"words-{uuid.uuid4().hex[:8]}@example.az"
    ticket_id = await file_letter(customer, email)
    await sign_in(customer)
    await expect(page.locator("#signed-in")).to_have_text("aysel (mütəxəssis)")
    await page.locator("#q").fill(ticket_id)
    await page.get_by_role("button", name="Tap").click()
    row = page.locator(f"tr[data-ticket='{ticket_id}']")
    await expect(row.locator(".desk-state")).to_have_text("Yeni")
    filter_labels = await page.locator("#state option").all_inner_texts()
    assert "Yeni" in filter_labels, filter_labels

    await row.get_by_role("link", name=ticket_id).click()
    await expect(page.locator("#ticket-state")).to_have_text("Yeni")
    await expect(page.locator("#assign-me")).to_be_visible()
    for action in ("#reply", "#resolution"):
        await expect(page.locator(action)).to_have_count(0)
    await page.locator("#assign-me").click()
    await expect(page.locator("#ticket-state")).to_have_text("İşdədir")
    await expect(page.locator("#assign-me")).to_have_count(0)
    # Before anything is sent, the page says the customer will read it.
    await expect(page.locator("#reply-hint")).to_have_text(
        "Bu mətn müştəriyə e-poçtla göndəriləcək."
    )
    await expect(page.locator("#resolution-hint")).to_contain_text("müştəriyə e-poçtla")
    await expect(page.locator("#reply")).to_have_attribute("aria-describedby", "reply-hint")

    await page.locator("#reply").fill("Salam! Ödənişiniz yoxlanılır.")
    await page.locator("#reply-send").click()
    trail = page.locator(".trail")
    await expect(trail).to_contain_text("aysel müştəriyə cavab göndərdi")
    await expect(trail).to_contain_text("Müştəri məktub yazdı")
    await page.locator("#resolution").fill("Pul balansa köçürüldü.")
    await page.locator("#resolve-send").click()
    await expect(page.locator("#ticket-state")).to_have_text("Həll olunub")
    await expect(page.locator(".desk-actions form")).to_have_count(0)
    await expect(page.locator("#assign-me")).to_have_count(0)
    await expect(page.locator("#no-actions")).to_have_text(
        "Müraciət bağlanıb; başqa əməliyyat yoxdur."
    )
    for raw in ("reply_sent", "opened", "contact form", f"{ticket_id}-", "(aysel)"):
        await expect(trail).not_to_contain_text(raw)
    await customer.screenshot("console-ticket-words-az")

    await page.get_by_role("button", name="Русский").click()
    await expect(page.locator("#ticket-state")).to_have_text("Решено")
    await expect(trail).to_contain_text("aysel ответил(а) клиенту")
    await expect(page.locator("#no-actions")).to_contain_text("Обращение закрыто")
    await customer.screenshot("console-ticket-words-ru")
    await page.get_by_role("link", name="← Обращения").click()
    await expect(page.locator("#signed-in")).to_have_text("aysel (специалист)")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Панель специалиста")
    await expect(page.get_by_role("columnheader", name="Исполнитель")).to_be_attached()
    await customer.screenshot("console-queue-ru")

    await page.get_by_role("button", name="English").click()
    await expect(page.locator("#signed-in")).to_have_text("aysel (specialist)")
    await page.locator("#state").select_option("resolved")
    await page.locator("#q").fill(ticket_id)
    await page.get_by_role("button", name="Find").click()
    await expect(row.locator(".desk-state")).to_have_text("Resolved")
    await expect(page.locator("#state option:checked")).to_have_text("Resolved")

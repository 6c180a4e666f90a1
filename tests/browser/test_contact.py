"""A customer writes a letter ("Məktub yaz"): field problems next to the fields, then the ticket
number, its status page, and the confirmation e-mail in the mail sandbox."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest
from playwright.async_api import expect

from tests.browser.customer import Customer

pytestmark = pytest.mark.e2e


async def mail_to(customer: Customer, address: str, subject_contains: str) -> dict[str, Any] | None:
    sandbox = customer.system.sandbox_url
    async with httpx.AsyncClient() as client:
        for _ in range(60):
            listing = await client.get(f"{sandbox}/mail/messages", params={"to": address})
            for message in listing.json():
                if subject_contains in message["subject"]:
                    full = await client.get(f"{sandbox}/mail/messages/{message['id']}")
                    found: dict[str, Any] = full.json()
                    return found
            await asyncio.sleep(0.25)
    return None


async def test_a_letter_gets_a_ticket_number_a_status_page_and_a_confirmation(
    customer: Customer,
) -> None:
    page = customer.page
    email = f"aysel-{uuid.uuid4().hex[:8]}@example.az"
    await customer.open("/faq")
    await page.locator("#contact summary").click()
    await page.locator("#contact").get_by_role("link", name="Məktub yaz").click()
    await expect(page.get_by_role("heading", name="Məktub yaz")).to_be_visible()
    await expect(page.locator("#email-hint")).to_contain_text("Səhv e-poçt")

    await page.get_by_role("button", name="Göndər").click()
    await expect(page.locator("#first_name-error")).to_have_text("Bu sahəni doldurun.")
    await expect(page.locator("#message-error")).to_have_text("Problemi təsvir edin.")
    await expect(page.locator("#first_name")).to_have_attribute("aria-invalid", "true")

    await page.get_by_label("Ad", exact=True).fill("Aysel")
    await page.get_by_label("Soyad").fill("Məmmədova")
    await page.get_by_label("E-poçt").fill(email)
    await page.locator("#subject").select_option("other")
    await page.get_by_label("İsmarıc").fill("Kartdan pul çıxıb, balans artmayıb.")
    await page.get_by_role("button", name="Göndər").click()
    number = page.locator(".ticket-number")
    await expect(number).to_contain_text("Müraciət nömrəsi: tkt_")
    ticket_id = (await number.inner_text()).rsplit(" ", 1)[-1]
    await customer.screenshot("contact-sent")

    mail = await mail_to(customer, email, ticket_id)
    assert mail is not None, "no confirmation e-mail with the ticket number"

    await page.get_by_role("link", name="Müraciətin vəziyyəti").click()
    await expect(page.locator("#ticket_id")).to_have_value(ticket_id)
    await expect(page.locator("h2.ticket-state")).to_have_text("Qəbul edilib")
    await expect(page.locator("#ticket-due")).to_be_visible()


async def test_a_wrong_email_reads_like_an_unknown_ticket(customer: Customer) -> None:
    page = customer.page
    await customer.open("/ticket?id=tkt_0000000000000000")
    await page.locator("#ticket_email").fill("nobody@example.az")
    await page.get_by_role("button", name="Yoxla").click()
    await expect(page.get_by_role("alert")).not_to_be_empty()


async def test_the_result_page_offers_a_letter_about_the_payment(customer: Customer) -> None:
    page = customer.page
    await customer.open("/pay/result?payment=pay_0123456789abcdef")
    await page.get_by_role("link", name="Bu ödənişlə problem var? Bizə yazın").click()
    await expect(page.locator("#payment_id")).to_have_value("pay_0123456789abcdef")

"""The customer reads the dated conversation on the ticket page and answers their specialist; the
answer reaches the console's trail. At a phone's width (375 px) and a desktop's (1280 px)."""

from __future__ import annotations

import re
import uuid

import httpx
import pytest
from playwright.async_api import expect

from tests.browser.customer import Customer
from tests.browser.test_console import file_letter, sign_in

pytestmark = pytest.mark.e2e

AZERBAIJANI_MONTH = "yanvar|fevral|mart|aprel|may|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr"
RUSSIAN_MONTH = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"


async def specialist_asks(customer: Customer, ticket_id: str, question: str) -> None:
    """aysel takes the letter and asks the customer a question, as from the console."""
    password = customer.system.secrets["PORTAL_SUPPORT_SPECIALIST_PASSWORD"]
    async with httpx.AsyncClient(base_url=customer.system.gateway_url) as client:
        token = await client.post(
            "/api/support/auth/token", data={"username": "aysel", "password": password}
        )
        headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
        path = f"/api/support/tickets/{ticket_id}"
        assert (await client.post(f"{path}/assign", json={}, headers=headers)).status_code == 200
        asked = await client.post(f"{path}/replies", json={"message": question}, headers=headers)
        assert asked.status_code == 200, asked.text


async def open_ticket(customer: Customer, ticket_id: str, email: str, check: str) -> None:
    page = customer.page
    await customer.open(f"/ticket?id={ticket_id}")
    await page.locator("#ticket_email").fill(email)
    await page.get_by_role("button", name=check).click()


async def test_on_a_phone_the_customer_answers_and_the_specialist_sees_it(
    customer: Customer,
) -> None:
    page = customer.page
    await page.set_viewport_size({"width": 375, "height": 740})
    email = f"answer-{uuid.uuid4().hex[:8]}@example.az"
    ticket_id = await file_letter(customer, email)
    await specialist_asks(customer, ticket_id, "Hansı nömrəyə ödəmisiniz?")

    await open_ticket(customer, ticket_id, email, "Yoxla")
    await expect(page.locator("h2.ticket-state")).to_have_text("Cavabınızı gözləyirik")
    said = page.locator(".conversation li")
    await expect(said).to_have_count(2)
    await expect(said.nth(0)).to_contain_text("Siz")
    await expect(said.nth(0)).to_contain_text("<b>Kartdan</b> pul çıxıb,")  # text, not markup
    await expect(said.nth(1)).to_contain_text("Mütəxəssis")
    await expect(said.nth(1)).to_contain_text("Hansı nömrəyə ödəmisiniz?")
    await expect(said.nth(1).locator("time")).to_have_text(
        re.compile(rf"^\d{{1,2}} ({AZERBAIJANI_MONTH}) \d{{4}}, \d\d:\d\d$")
    )

    await page.get_by_role("button", name="Cavabı göndər").click()
    await expect(page.locator("#reply-error")).to_have_text("Cavabınızı yazın.")
    await page.get_by_label("Cavabınız").fill("055 123 45 67, kart 4111 1111 1111 1111")
    await page.get_by_role("button", name="Cavabı göndər").click()
    await expect(said).to_have_count(3)
    await expect(said.nth(2)).to_contain_text("055 123 45 67, kart •••• 1111")
    await expect(page.locator("h2.ticket-state")).to_have_text("Mütəxəssis baxır")
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the conversation is wider than the phone: {width}px"
    await customer.screenshot("ticket-conversation-375")

    await sign_in(customer)
    await expect(page.locator("#signed-in")).to_contain_text("aysel")
    await customer.open(f"/console/tickets/{ticket_id}")
    await expect(page.locator(".trail")).to_contain_text("Müştəri cavab yazdı")
    await expect(page.locator(".trail")).to_contain_text("055 123 45 67, kart •••• 1111")


async def test_in_russian_on_a_desktop_the_conversation_is_dated_in_russian(
    customer: Customer,
) -> None:
    page = customer.page
    await page.set_viewport_size({"width": 1280, "height": 800})
    email = f"otvet-{uuid.uuid4().hex[:8]}@example.az"
    ticket_id = await file_letter(customer, email)
    await specialist_asks(customer, ticket_id, "На какой номер вы платили?")
    await customer.open("/")
    await page.get_by_role("button", name="Русский").click()

    await open_ticket(customer, ticket_id, email, "Проверить")
    await expect(page.get_by_role("heading", name="Переписка")).to_be_visible()
    said = page.locator(".conversation li")
    await expect(said.nth(0)).to_contain_text("Вы")
    await expect(said.nth(1)).to_contain_text("Специалист")
    await expect(said.nth(1).locator("time")).to_have_text(
        re.compile(rf"^\d{{1,2}} ({RUSSIAN_MONTH}) \d{{4}}, \d\d:\d\d$")
    )
    await page.get_by_label("Ваш ответ").fill("На 050 555 44 33")
    await page.get_by_role("button", name="Отправить ответ").click()
    await expect(said).to_have_count(3)
    await expect(page.locator("h2.ticket-state")).to_have_text("Специалист работает")
    await customer.screenshot("ticket-conversation-1280-ru")

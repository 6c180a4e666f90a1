"""The specialist console: a letter arrives, a specialist signs in, finds it in the queue, answers
(the customer gets the e-mail), resolves it, and the ticket reads resolved; errors read plainly."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest
from playwright.async_api import expect

from tests.browser.customer import Customer
from tests.browser.test_contact import mail_to

pytestmark = pytest.mark.e2e


async def file_letter(customer: Customer, email: str) -> str:
    """Through the gateway, which limits letters per client: waits out a 429 as a browser would."""
    body: dict[str, Any] = {
        "first_name": "Aysel",
        "last_name": "Məmmədova",
        "email": email,
        "subject": "other",
        "message": "<b>Kartdan</b> pul çıxıb,\nbalans artmayıb.",
    }
    async with httpx.AsyncClient(base_url=customer.system.gateway_url) as client:
        for _ in range(30):
            answer = await client.post("/api/support/tickets", json=body)
            if answer.status_code != 429:
                break
            await asyncio.sleep(float(answer.headers.get("Retry-After", "5")))
    assert answer.status_code == 201, answer.text
    ticket_id: str = answer.json()["ticket_id"]
    return ticket_id


async def sign_in(customer: Customer, password: str | None = None) -> None:
    page = customer.page
    await customer.open("/console")
    await page.locator("#username").fill("aysel")
    secret = customer.system.secrets["PORTAL_SUPPORT_SPECIALIST_PASSWORD"]
    await page.locator("#password").fill(password if password is not None else secret)
    await page.get_by_role("button", name="Daxil ol").click()


async def test_a_specialist_answers_and_resolves_a_letter(customer: Customer) -> None:
    page = customer.page
    email = f"console-{uuid.uuid4().hex[:8]}@example.az"
    ticket_id = await file_letter(customer, email)

    await sign_in(customer)
    await expect(page.locator("#signed-in")).to_contain_text("aysel")
    await page.locator("#q").fill(email)
    await page.get_by_role("button", name="Tap").click()
    row = page.locator(f"tr[data-ticket='{ticket_id}']")
    await expect(row).to_be_visible()
    await expect(row.locator(".sla")).to_contain_text("qalıb")
    await row.get_by_role("link", name=ticket_id).click()

    await expect(page.get_by_role("heading", name=ticket_id)).to_be_visible()
    # What the customer wrote reads as text, never as markup.
    await expect(page.locator("#letter")).to_contain_text("<b>Kartdan</b> pul çıxıb,")
    await expect(page.locator("#letter b")).to_have_count(0)
    assert page.url.endswith(f"/console/tickets/{ticket_id}")

    # Not taken yet: there is nothing to answer with, only the button that takes it.
    await expect(page.locator("#reply")).to_have_count(0)

    await page.locator("#assign-me").click()
    await expect(page.locator("#ticket-state")).to_contain_text("İşdədir")
    await page.locator("#reply").fill("Salam! Ödənişiniz yoxlanılır.")
    await page.locator("#reply-send").click()
    await expect(page.locator("#ticket-state")).to_contain_text("Müştərinin cavabı gözlənilir")
    await expect(page.locator(".trail")).to_contain_text("Ödənişiniz yoxlanılır")
    answer = await mail_to(customer, email, f"Müraciətinizə cavab: {ticket_id}")  # written in az
    assert answer is not None, "the customer got no e-mail with the answer"

    await page.locator("#resolution").fill("Pul balansa köçürüldü.")
    await page.locator("#resolve-send").click()
    await expect(page.locator("#ticket-state")).to_contain_text("Həll olunub")
    await expect(page.locator(".state-resolved")).to_be_visible()

    # A closed ticket offers nothing more to do.
    await expect(page.locator(".desk-actions form")).to_have_count(0)
    await expect(page.locator("#no-actions")).to_be_visible()
    await customer.screenshot("console-resolved")

    await page.get_by_role("link", name="← Müraciətlər").click()
    await page.locator("#state").select_option("resolved")
    await page.locator("#q").fill(ticket_id)
    await page.get_by_role("button", name="Tap").click()
    await expect(page.locator(f"tr[data-ticket='{ticket_id}']")).to_contain_text("Həll olunub")


async def test_a_wrong_password_and_a_lost_sign_in_read_plainly(customer: Customer) -> None:
    page = customer.page
    await sign_in(customer, password="not-the-password")
    await expect(page.get_by_role("alert")).to_contain_text("şifrə yanlışdır")

    await sign_in(customer)
    await expect(page.locator("#signed-in")).to_contain_text("aysel")
    # A token the desk no longer accepts sends the specialist back to sign in.
    await page.evaluate(
        """() => {
          const kept = JSON.parse(sessionStorage.getItem("console.session"));
          sessionStorage.setItem("console.session", JSON.stringify({ ...kept, token: "x.y.z" }));
        }"""
    )
    await customer.open("/console")
    await expect(page.get_by_role("alert")).to_contain_text("yenidən daxil olun")
    await expect(page.locator("#username")).to_be_visible()

    await sign_in(customer)
    await page.locator("#sign-out").click()
    await expect(page.locator("#username")).to_be_visible()
    assert await page.evaluate("sessionStorage.getItem('console.session')") is None

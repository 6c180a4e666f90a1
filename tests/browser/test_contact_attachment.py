"""The contact form offers the photo the FAQ asks for (the *#06# screen): the customer attaches it,
the specialist receives exactly that image with the letter, and a file that is not an image, or is
too large, is named at the field before anything is sent."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from devstack.paths import repo_root
from tests.browser.customer import Customer
from tests.e2e.test_support import PASSWORDS

pytestmark = pytest.mark.e2e

PHOTO = (repo_root() / "web" / "public" / "icon-192.png").read_bytes()  # a real PNG


async def fill_letter(customer: Customer, email: str) -> None:
    page = customer.page
    await customer.open("/contact")
    await page.get_by_label("Ad", exact=True).fill("Aysel")
    await page.get_by_label("Soyad").fill("Məmmədova")
    await page.get_by_label("E-poçt").fill(email)
    await page.locator("#subject").select_option("other")
    await page.get_by_label("İsmarıc").fill(
        "Telefonum şəbəkə tutmur, IMEI ekranının şəkli əlavədədir."
    )


async def test_a_photo_attached_to_a_letter_reaches_the_specialist(customer: Customer) -> None:
    page = customer.page
    await fill_letter(customer, "aysel.photo@example.az")
    await page.get_by_label("Şəkil (əgər varsa)").set_input_files(
        {"name": "imei-ekrani.png", "mimeType": "image/png", "buffer": PHOTO}
    )
    await page.get_by_role("button", name="Göndər").click()
    number = page.locator(".ticket-number")
    await expect(number).to_contain_text("tkt_")
    ticket_id = (await number.inner_text()).rsplit(" ", 1)[-1]
    await customer.screenshot("contact-with-photo")

    async with httpx.AsyncClient(base_url=customer.system.gateway_url) as staff:
        token = await staff.post(
            "/api/support/auth/token",
            data={
                "username": "aysel",
                "password": customer.system.secrets[PASSWORDS["specialist"]],
            },
        )
        assert token.status_code == 200, token.text
        bearer = {"Authorization": f"Bearer {token.json()['access_token']}"}
        stored = await staff.get(f"/api/support/tickets/{ticket_id}/attachment", headers=bearer)
    assert stored.status_code == 200, stored.text
    assert stored.headers["content-type"] == "image/png"
    assert stored.content == PHOTO


async def test_a_file_that_is_not_an_image_is_named_before_sending(customer: Customer) -> None:
    page = customer.page
    sent: list[str] = []
    page.on(
        "request", lambda request: sent.append(request.url) if request.method == "POST" else None
    )
    await fill_letter(customer, "aysel.pdf@example.az")
    attachment = page.get_by_label("Şəkil (əgər varsa)")
    await attachment.set_input_files(
        {"name": "qebz.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 not an image"}
    )
    await page.get_by_role("button", name="Göndər").click()
    await expect(page.locator("#attachment-error")).to_have_text(
        "Yalnız şəkil əlavə edin: PNG, JPEG və ya WebP."
    )
    await expect(attachment).to_have_attribute("aria-invalid", "true")
    await attachment.set_input_files(
        {"name": "boyuk.png", "mimeType": "image/png", "buffer": b"\0" * (5 * 1024 * 1024 + 1)}
    )
    await page.get_by_role("button", name="Göndər").click()
    await expect(page.locator("#attachment-error")).to_have_text(
        "Şəkil 5 MB-dan böyükdür; kiçik şəkil seçin."
    )
    assert not [url for url in sent if url.endswith("/api/support/tickets")]

"""With the page in Russian, what the services explain reads in Russian too (not English marked
lang="en"): the wrong operator's prefix, a mistyped IMEI."""

from __future__ import annotations

import uuid

import pytest
from playwright.async_api import expect

from tests.browser.customer import Customer
from tests.browser.test_contact import mail_to

pytestmark = pytest.mark.e2e


async def in_russian(customer: Customer, path: str) -> None:
    await customer.open("/")
    await customer.page.get_by_role("button", name="Русский").click()
    await customer.open(path)


async def test_the_prefix_advice_reads_in_russian(customer: Customer) -> None:
    page = customer.page
    await in_russian(customer, "/services/azercell")
    await customer.type_account("055 123 45 67")
    await page.get_by_role("button", name="Проверить").click()
    error = page.locator("#account-error")
    await expect(error).to_contain_text("Номера, начинающиеся с 055, выдал Bakcell, а не Azercell")
    await expect(error.locator("[lang=en]")).to_have_count(0)
    await customer.screenshot("prefix-advice-ru")


async def test_a_mistyped_imei_is_explained_in_russian(customer: Customer) -> None:
    page = customer.page
    await in_russian(customer, "/imei")
    await page.locator("#imei1").fill("490154203237519")  # the check digit of …518 is 8
    await page.locator("#imei1").press("Enter")
    error = page.locator("#imei1-error")
    await expect(error).to_contain_text("Последняя (контрольная) цифра не сходится")
    await expect(error.locator("[lang=en]")).to_have_count(0)
    await customer.screenshot("imei-mistake-ru")


async def test_a_letter_written_in_russian_is_confirmed_in_russian(customer: Customer) -> None:
    page = customer.page
    email = f"pismo-{uuid.uuid4().hex[:8]}@example.az"
    await in_russian(customer, "/contact")
    await page.locator("#first_name").fill("Айсель")
    await page.locator("#last_name").fill("Мамедова")
    await page.locator("#email").fill(email)
    await page.locator("#subject").select_option("other")
    await page.locator("#message").fill("Деньги списаны, баланс не пополнился.")
    await page.get_by_role("button", name="Отправить").click()
    number = page.locator(".ticket-number")
    await expect(number).to_contain_text("tkt_")
    ticket_id = (await number.inner_text()).rsplit(" ", 1)[-1]
    mail = await mail_to(customer, email, f"Мы получили ваше письмо: {ticket_id}")
    assert mail is not None, "no confirmation in Russian"
    assert "Здравствуйте, Айсель Мамедова!" in mail["text"]

"""What a payment app keeps for its customer on the phone: the payment number copied with one press,
a paid account starred, and the home page's "pay again" with the account and amount filled in."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from tests.browser.customer import INSUFFICIENT_FUNDS_CARD, Customer, fresh_phone

pytestmark = pytest.mark.e2e


async def test_a_paid_account_can_be_paid_again_and_starred_from_home(customer: Customer) -> None:
    page = customer.page
    await page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    phone = fresh_phone()
    await customer.open("/services/azercell")
    await customer.type_account(phone)
    await customer.pay("3.40")
    await customer.pay_by_card()
    await customer.wait_for_state("completed")
    payment_id = customer.payment_id()

    await page.get_by_role("button", name="Ödəniş № köçür").click()
    await expect(page.locator(".copied").first).to_have_text("Köçürüldü")
    assert await page.evaluate("navigator.clipboard.readText()") == payment_id

    star = page.get_by_role("button", name="☆ Seçilmişlərə əlavə et")
    await star.click()
    await expect(page.locator("button.star")).to_have_attribute("aria-pressed", "true")
    await customer.screenshot("result-starred")

    await customer.open("/")
    mine = page.locator(".your-payments")
    await expect(mine.get_by_role("heading", name="Ödənişləriniz")).to_be_visible()
    shown_phone = f"+994 {phone[1:3]} {phone[3:6]} {phone[6:8]} {phone[8:]}"
    await expect(mine.locator(".favourites li")).to_have_count(1)
    await expect(mine.locator(".favourites")).to_contain_text(shown_phone)
    await expect(mine.locator(".recent li").first).to_contain_text("3.40 AZN")
    await customer.screenshot("home-your-payments")

    await mine.locator(".recent").get_by_role("link", name="Yenidən ödə").first.click()
    await expect(page.locator("#account")).to_have_value(shown_phone)
    await expect(page.locator("#amount")).to_have_value("3.40")
    await expect(page.locator("#sum-total")).to_contain_text("AZN")

    await customer.open("/")
    await mine.get_by_role("button", name=f"{shown_phone} seçilmişlərdən çıxar").click()
    await expect(mine.locator(".favourites li")).to_have_count(0)
    await expect(mine.locator(".recent li")).to_have_count(1)  # paying again is still offered


async def test_a_declined_payment_is_not_offered_again(customer: Customer) -> None:
    page = customer.page
    await customer.open("/services/azercell")
    await customer.type_account(fresh_phone())
    await customer.pay("2.00")
    await customer.pay_by_card(INSUFFICIENT_FUNDS_CARD)
    await customer.wait_for_state("declined")
    await expect(page.locator("button.star")).to_have_count(0)
    await customer.open("/")
    await expect(page.locator(".your-payments")).to_be_empty()


async def test_a_ticket_number_is_copied_from_the_ticket_page(customer: Customer) -> None:
    page = customer.page
    await page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    await customer.open("/contact")
    await page.get_by_label("Ad", exact=True).fill("Aysel")
    await page.get_by_label("Soyad").fill("Məmmədova")
    await page.get_by_label("E-poçt").fill("aysel@example.az")
    await page.locator("#subject").select_option("other")
    await page.get_by_label("İsmarıc").fill("Balansım artmayıb, yoxlayın zəhmət olmasa.")
    await page.get_by_role("button", name="Göndər").click()
    await expect(page.locator(".ticket-number")).to_contain_text("tkt_")
    ticket_id = (await page.locator(".ticket-number").inner_text()).rsplit(" ", 1)[-1]
    await page.get_by_role("button", name="Müraciət nömrəsi köçür").click()
    assert await page.evaluate("navigator.clipboard.readText()") == ticket_id

    await page.evaluate("navigator.clipboard.writeText('')")
    await page.get_by_role("link", name="Müraciətin vəziyyəti").click()
    await expect(page.locator("h2.ticket-state")).to_be_visible()
    await page.locator(".ticket").get_by_role("button", name="Müraciət nömrəsi köçür").click()
    await expect(page.locator(".ticket .copied")).to_have_text("Köçürüldü")
    assert await page.evaluate("navigator.clipboard.readText()") == ticket_id

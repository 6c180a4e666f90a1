"""After a decline the page lists every FAQ point that fits the bank's reason, in the chosen
language, with the FAQ's answer a click away; "Try another card" keeps what was typed."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from tests.browser.customer import INSUFFICIENT_FUNDS_CARD, Customer, fresh_phone

pytestmark = pytest.mark.e2e


async def test_a_decline_lists_the_faq_points_and_another_card_keeps_the_form(
    customer: Customer,
) -> None:
    page = customer.page
    await customer.open("/services/azercell")
    await page.get_by_role("button", name="English").click()
    phone = fresh_phone()
    await customer.type_account(phone)
    await page.locator("#email").fill("aysel@example.az")
    await customer.pay("5")
    await customer.pay_by_card(INSUFFICIENT_FUNDS_CARD)
    await customer.wait_for_state("declined")

    view = await customer.payment_view()
    points = page.locator("#advice li")
    await expect(points).to_have_text([point["en"] for point in view["advice"]])
    await expect(points.nth(0)).to_contain_text("balance of your card")
    await expect(points.nth(1)).to_contain_text("contact your bank, or use another card")
    await expect(points.nth(2)).to_contain_text("time limit")
    faq = page.get_by_role("link", name='More: "I cannot pay with my bank card" (FAQ)')
    await expect(faq).to_have_attribute("href", "/faq?q=card#card")
    await customer.screenshot("result-declined-advice")

    await page.get_by_role("link", name="Try another card").click()
    await expect(page.locator("#account")).to_have_value(
        f"+994 {phone[1:3]} {phone[3:6]} {phone[6:8]} {phone[8:]}"
    )
    await expect(page.locator("#amount")).to_have_value("5.00")
    await expect(page.locator("#email")).to_have_value("aysel@example.az")


async def test_the_advice_reads_in_russian_and_the_faq_link_opens_the_answer(
    customer: Customer,
) -> None:
    page = customer.page
    await customer.open("/services/azercell")
    await page.get_by_role("button", name="Русский").click()
    await customer.type_account(fresh_phone())
    await customer.pay("3")
    await customer.pay_by_card(INSUFFICIENT_FUNDS_CARD)
    await customer.wait_for_state("declined")
    await expect(page.locator("#advice li")).to_have_count(3)
    await expect(page.locator("#advice li").first).to_have_text(
        "Убедитесь, что на балансе карты достаточно средств."
    )
    await page.get_by_role(
        "link", name="Подробнее: «Не получается оплатить банковской картой» (вопросы)"
    ).click()
    await expect(page.locator("details#card")).to_have_attribute("open", "")

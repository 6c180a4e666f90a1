"""A customer pays through the bank's own page and follows the payment live to its end."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from tests.browser.customer import INSUFFICIENT_FUNDS_CARD, Customer, fresh_phone

pytestmark = pytest.mark.e2e


async def test_a_fine_is_paid_with_its_commission_and_a_receipt(customer: Customer) -> None:
    page = customer.page
    await customer.open("/")
    await page.get_by_label("Xidmət axtar").fill("cərimə")
    await page.get_by_role("link", name="Yol polisi cərimələri (Baş DYP)").click()
    await customer.type_account("ab 1234567")
    await expect(page.locator("#account")).to_have_value("AB 1234567")
    await page.get_by_role("button", name="Yoxla").click()
    await expect(page.locator(".lookup dl")).to_contain_text("Abunəçi")
    await page.locator("#amount").fill("10,50")
    # The traffic police's rule: 1 %, at least 0.30 AZN.
    await expect(page.locator("#sum-fee")).to_have_text("0.30 AZN")
    await expect(page.locator("#sum-total")).to_have_text("10.80 AZN")
    await customer.screenshot("service-page")

    created = await customer.pay()
    assert created["total"]["text"] == "10.80 AZN"
    await expect(page.locator(".amount")).to_have_text("10.80 AZN")  # the bank asks for the total
    await customer.screenshot("bank-card-page")
    await customer.pay_by_card()
    await customer.wait_for_state("completed")
    await expect(page.locator(".progress li.done")).to_have_count(3)
    await expect(page.locator("#next-step")).to_have_text("Xidmət aktivdir. Qəbz hazırdır.")
    await customer.screenshot("result-completed")

    async with page.expect_popup() as opened:
        await page.get_by_role("link", name="Qəbzi aç").click()
    receipt = await opened.value
    await expect(receipt.locator("body")).to_contain_text(created["payment_id"])
    await expect(receipt.locator("body")).to_contain_text("10.80")
    await customer.screenshot("receipt", receipt)


async def test_the_result_page_follows_a_slow_activation_from_debited_to_completed(
    customer: Customer,
) -> None:
    page = customer.page
    await customer.provider_fault("aztelekom", complete_after_seconds=4)
    try:
        await customer.open("/services/aztelekom")
        await customer.type_account("0124981234")
        await expect(page.locator("#account")).to_have_value("012 498 12 34")
        await customer.pay("7.25")
        await customer.pay_by_card()
        await customer.wait_for_state("debited")
        await expect(page.locator("#next-step")).to_contain_text("Heç nə etməyinizə ehtiyac yoxdur")
        await expect(page.get_by_role("status")).to_have_text("Vəziyyəti canlı izləyirik…")
        await customer.screenshot("result-debited")
        await customer.wait_for_state("completed", seconds=40)
        await expect(page.get_by_role("link", name="Qəbzi aç")).to_be_visible()
    finally:
        await customer.provider_fault("aztelekom")


async def test_a_declined_card_is_explained_with_the_faq_advice(customer: Customer) -> None:
    page = customer.page
    await customer.open("/services/azercell")
    await customer.type_account(fresh_phone())
    await customer.pay("5")
    await customer.pay_by_card(INSUFFICIENT_FUNDS_CARD)
    await customer.wait_for_state("declined")
    view = await customer.payment_view()
    await expect(page.locator("#advice li")).to_have_text([p["az"] for p in view["advice"]])
    await expect(page.locator("#advice li").first).to_contain_text("kifayət qədər vəsait")
    await expect(page.locator(".progress li.failed")).to_have_count(1)
    await customer.screenshot("result-declined")

    await page.get_by_role("link", name="Başqa kartla ödə").click()
    national = view["account"]
    spaced = f"+994 {national[:2]} {national[2:5]} {national[5:7]} {national[7:]}"
    await expect(page.locator("#account")).to_have_value(spaced)
    await expect(page.locator("#amount")).to_have_value("5.00")


async def test_a_card_page_left_unpaid_times_out_live_and_says_no_money_was_taken(
    customer: Customer,
) -> None:
    page = customer.page
    await customer.open("/services/azercell")
    await customer.type_account(fresh_phone())
    created = await customer.pay("3")
    # The customer leaves the bank's page and watches the payment instead.
    await customer.open(f"/pay/result?payment={created['payment_id']}")
    await expect(page.locator("h2.state")).to_have_text("Bankın təsdiqini gözləyirik")
    await expect(page.get_by_role("link", name="Bankın səhifəsinə qayıt")).to_be_visible()
    await customer.wait_for_state("expired", seconds=40)
    await expect(page.locator("#next-step")).to_contain_text("Kartdan pul tutulmayıb")
    await customer.screenshot("result-expired")

"""A Pay whose answer is lost is retried with the same Idempotency-Key: one payment, not two."""

from __future__ import annotations

import pytest
from playwright.async_api import Route, expect

from tests.browser.customer import Customer, fresh_phone

pytestmark = pytest.mark.e2e


async def test_a_lost_answer_is_retried_with_the_same_key(customer: Customer) -> None:
    page = customer.page
    keys: list[str] = []
    created: list[dict[str, str]] = []

    async def lose_the_first_answer(route: Route) -> None:
        keys.append(await route.request.header_value("Idempotency-Key") or "")
        if len(keys) > 1:
            await route.continue_()
            return
        answer = await route.fetch()  # the server makes the payment …
        created.append(await answer.json())
        await route.abort("connectionreset")  # … and the answer never arrives

    await page.route("**/api/payments", lose_the_first_answer)
    await customer.open("/services/azercell")
    await customer.type_account(fresh_phone())
    await page.locator("#amount").fill("4")
    await page.get_by_role("button", name="Ödə", exact=True).click()
    await expect(page.get_by_role("alert")).to_contain_text("Serverə qoşulmaq alınmadı")

    await page.get_by_role("button", name="Ödə", exact=True).click()
    await page.wait_for_url(f"{customer.system.sandbox_url}/bank/pay/**")
    assert len(keys) == 2 and keys[0] == keys[1] and keys[0].startswith("web-")
    assert page.url == created[0]["payment_page_url"]

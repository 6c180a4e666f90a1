"""A payment whose activation is stuck: its result page shows the case we opened (number, state,
due) without the customer writing, and then how it ended; the ticket lookup shows its progress."""

from __future__ import annotations

import uuid

import httpx
import pytest
from playwright.async_api import expect

from devstack.testing import TEST_TIMINGS
from tests.browser.customer import Customer
from tests.e2e.portal import Portal, unique_phone

pytestmark = [pytest.mark.e2e, pytest.mark.money]

DEADLINE = float(TEST_TIMINGS["PORTAL_RECONCILIATION_DEADLINE_SECONDS"])
STUCK_FOR = DEADLINE + 8


async def test_the_result_page_shows_the_case_and_the_ticket_lookup_its_progress(
    customer: Customer,
) -> None:
    page, system = customer.page, customer.system
    email = f"nigar-{uuid.uuid4().hex[:8]}@example.az"
    await customer.provider_fault("bakcell", complete_after_seconds=STUCK_FOR)
    try:
        async with httpx.AsyncClient(timeout=30, follow_redirects=True) as client:
            portal = Portal(system, client)
            answer = await client.post(
                f"{system.gateway_url}/api/payments",
                json={
                    "service_id": "bakcell",
                    "account": unique_phone("99"),
                    "amount": "6.00",
                    "email": email,
                    "language": "az",
                },
                headers={"Idempotency-Key": f"test-{uuid.uuid4().hex}"},
            )
            assert answer.status_code == 201, answer.text
            created = answer.json()
            await portal.pay_on_bank_page(created["payment_page_url"])
        await customer.open(f"/pay/result?payment={created['payment_id']}")

        case_number = page.locator(".case .case-number")
        await expect(case_number).to_contain_text("tkt_", timeout=(DEADLINE + 15) * 1000)
        await expect(page.locator(".case")).to_contain_text("Bizə yazmağınıza ehtiyac yoxdur")
        await expect(page.locator(".case .case-due")).to_be_visible()
        ticket_id = (await case_number.inner_text()).split()[0]
        await customer.screenshot("payment-case-open")

        await customer.wait_for_state("completed", seconds=STUCK_FOR + 20)
        await expect(page.locator(".case .case-outcome")).to_have_text(
            "Xidmət aktivləşdirildi.", timeout=20_000
        )
    finally:
        await customer.provider_fault("bakcell")

    await page.locator(".case a", has_text="Müraciəti izləyin").click()
    await expect(page.locator("#ticket_id")).to_have_value(ticket_id)
    await page.locator("#ticket_email").fill(email)
    await page.get_by_role("button", name="Yoxla").click()
    await expect(page.locator(".ticket h2")).to_have_text("Həll olunub")
    await expect(page.locator(".ticket .case-outcome")).to_have_text("Xidmət aktivləşdirildi.")
    await expect(page.locator(".ticket .case-reference")).to_contain_text("Provayderin arayışı: ")
    await customer.screenshot("payment-case-ticket")

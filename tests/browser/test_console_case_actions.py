"""A supervisor acts on a payment's case from the console: the button says what will happen, asks
for a note, and the order is recorded once; the case then offers no second ask."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from contracts.ids import new_id
from tests.browser.customer import Customer
from tests.e2e.test_support import debited_not_activated, publish, wrap

pytestmark = pytest.mark.e2e


async def staff_headers(client: httpx.AsyncClient, customer: Customer) -> dict[str, str]:
    password = customer.system.secrets["PORTAL_SUPPORT_SUPERVISOR_PASSWORD"]
    answer = await client.post(
        "/api/support/auth/token", data={"username": "leyla", "password": password}
    )
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


async def test_a_supervisor_asks_the_provider_from_the_console(customer: Customer) -> None:
    payment_id = new_id("pay")
    await publish(customer.system, [wrap(debited_not_activated(payment_id))])
    async with httpx.AsyncClient(base_url=customer.system.gateway_url) as client:
        headers = await staff_headers(client, customer)
        for _ in range(80):
            found = await client.get(
                "/api/support/tickets", params={"q": payment_id}, headers=headers
            )
            if found.json()["tickets"]:
                break
            await customer.page.wait_for_timeout(250)
        ticket_id = found.json()["tickets"][0]["ticket_id"]

        page = customer.page
        await customer.open("/console")
        await page.locator("#username").fill("leyla")
        secret = customer.system.secrets["PORTAL_SUPPORT_SUPERVISOR_PASSWORD"]
        await page.locator("#password").fill(secret)
        await page.get_by_role("button", name="Daxil ol").click()
        await expect(page.locator("#signed-in")).to_contain_text("leyla")
        await customer.open(f"/console/tickets/{ticket_id}")

        await page.locator("#case-action-ask_provider").click()
        await expect(page.locator("#case-action-what")).to_contain_text("indi soruşulacaq")
        await page.locator("#case-action-confirm").click()  # no note yet: refused at the field
        await expect(page.locator("#case-note-error")).to_be_visible()
        await page.locator("#case-note").fill("Provayderə zəng etdik, status soruşulur")
        await page.locator("#case-action-confirm").click()

        await expect(page.get_by_role("status").filter(has_text="Sifariş verildi")).to_be_visible()
        await expect(page.locator("#case-action-list")).to_contain_text("sifariş verilib")
        await expect(page.locator("#case-action-ask_provider")).to_have_count(0)
        await expect(page.locator(".trail")).to_contain_text("leyla ödəniş üzrə əməliyyat istədi")
        case = (await client.get(f"/api/support/tickets/{ticket_id}", headers=headers)).json()
    assert [(a["kind"], a["by"], a["note"]) for a in case["actions"]] == [
        ("ask_provider", "leyla", "Provayderə zəng etdik, status soruşulur")
    ]

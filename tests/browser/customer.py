"""What a browser test does as a customer: the portal's pages, then the bank's own card page."""

from __future__ import annotations

import re
import uuid
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
from playwright.async_api import Page, Route, expect

from devstack.stack import Stack
from tests.browser.browser import SCREENSHOTS

SUCCESS_CARD = "4111 1111 1111 1111"
INSUFFICIENT_FUNDS_CARD = "4000 0000 0000 9995"

# Reports the page's CSP violations to the test, on every page the portal serves.
WATCH_CSP = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportViolation(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


def fresh_phone(prefix: str = "050") -> str:
    """A new mobile number typed the way people do (050…), so tests never share an account; it
    ends in an odd digit, so the providers sandbox shows it owing a debt (docs/protocols.md)."""
    return prefix + str(uuid.uuid4().int)[:6] + "7"


class Customer:
    def __init__(self, system: Stack, page: Page) -> None:
        self.system = system
        self.page = page
        self.problems: list[str] = []

    async def watch_for_errors(self) -> None:
        self.page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        await self.page.expose_function("reportViolation", self.report_violation)
        await self.page.add_init_script(WATCH_CSP)

    def report_violation(self, violation: str) -> None:
        self.problems.append(f"CSP violation: {violation}")

    def assert_no_page_errors(self) -> None:
        assert self.problems == [], self.problems

    async def open(self, path: str) -> None:
        await self.page.goto(f"{self.system.gateway_url}{path}")

    async def type_account(self, typed: str) -> None:
        field = self.page.locator("#account")
        await field.fill("")
        await field.press_sequentially(typed)

    async def pay(self, amount: str | None = None) -> dict[str, Any]:
        """Presses Pay on the service page and lands on the bank's card page (another origin)."""
        if amount is not None:
            await self.page.locator("#amount").fill(amount)
        answers: list[dict[str, Any]] = []

        async def keep_the_answer(route: Route) -> None:
            # Read before the page navigates away: after that the browser forgets the body.
            response = await route.fetch()
            answers.append(await response.json())
            await route.fulfill(response=response)

        await self.page.route("**/api/payments", keep_the_answer)
        await self.page.locator("button[type=submit]").click()
        await self.page.wait_for_url(f"{self.system.sandbox_url}/bank/pay/**")
        await self.page.unroute("**/api/payments", keep_the_answer)
        return answers[-1]

    async def pay_by_card(self, card: str = SUCCESS_CARD) -> None:
        """Fills the bank's form and follows its link back to the portal's result page."""
        await self.page.fill("#card_number", card)
        await self.page.fill("#expiry", "12/30")
        await self.page.fill("#cvv", "123")
        await self.page.fill("#holder", "AYSEL MAMMADOVA")
        await self.page.locator("button[type=submit]").click()
        await self.page.get_by_role("link", name=re.compile("Back to the merchant")).click()
        await self.page.wait_for_url(f"{self.system.gateway_url}/pay/result?payment=*")

    async def wait_for_state(self, state: str, seconds: float = 30) -> None:
        await expect(self.page.locator(f"h2.state-{state}")).to_be_visible(timeout=seconds * 1000)

    def payment_id(self) -> str:
        return parse_qs(urlparse(self.page.url).query)["payment"][0]

    async def payment_view(self) -> dict[str, Any]:
        """The payment as the API tells it, to compare with what the page says."""
        async with httpx.AsyncClient(base_url=self.system.gateway_url) as client:
            response = await client.get(f"/api/payments/{self.payment_id()}")
        assert response.status_code == 200, response.text
        view: dict[str, Any] = response.json()
        return view

    async def provider_fault(self, service_id: str, **faults: float) -> None:
        url = f"{self.system.sandbox_url}/providers/_control/faults/{service_id}"
        async with httpx.AsyncClient() as client:
            response = await (client.put(url, json=faults) if faults else client.delete(url))
        assert response.status_code < 300, response.text

    async def screenshot(self, name: str, page: Page | None = None) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        await (page or self.page).screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)

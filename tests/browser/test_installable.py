"""Most customers pay from a phone: the portal installs on the home screen (a web app manifest with
icons, which Chromium accepts as installable) and, without a connection, shows a small offline
page of its own instead of the browser's error, while never answering the API from a cache."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.browser.customer import Customer

pytestmark = pytest.mark.e2e

PNG = b"\x89PNG\r\n\x1a\n"
# True once a service worker controls the portal, false after 15 s: a missing one fails, not hangs.
WORKER_READY = """Promise.race([
  navigator.serviceWorker.ready.then(() => true),
  new Promise((settle) => setTimeout(() => settle(false), 15000)),
])"""


async def test_the_manifest_names_the_app_and_its_icons_are_served(customer: Customer) -> None:
    async with httpx.AsyncClient(base_url=customer.system.gateway_url) as client:
        answer = await client.get("/manifest.webmanifest")
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("application/manifest+json")
        manifest = answer.json()
        assert manifest["short_name"] == "Smartpay" and manifest["display"] == "standalone"
        assert manifest["start_url"] == "/"
        for icon in manifest["icons"]:
            served = await client.get(icon["src"])
            assert served.status_code == 200, icon
            if icon["type"] == "image/png":
                size = int(icon["sizes"].split("x")[0])
                assert served.content.startswith(PNG)
                width = int.from_bytes(served.content[16:20], "big")  # the PNG's IHDR width
                assert width == size, icon
        assert {"192x192", "512x512"} <= {icon["sizes"] for icon in manifest["icons"]}


async def test_chromium_finds_the_portal_installable(customer: Customer) -> None:
    page = customer.page
    await customer.open("/")
    assert await page.evaluate(WORKER_READY), "no service worker took the portal"
    cdp = await page.context.new_cdp_session(page)
    errors = (await cdp.send("Page.getInstallabilityErrors"))["installabilityErrors"]
    # A test browser's context is always private; that is the one reason left to say no.
    assert [error["errorId"] for error in errors] == ["in-incognito"], errors
    manifest = await cdp.send("Page.getAppManifest")
    assert manifest["errors"] == [] and manifest["url"].endswith("/manifest.webmanifest")


async def test_offline_a_page_shows_our_offline_page_and_the_api_is_never_cached(
    customer: Customer,
) -> None:
    page = customer.page
    await customer.open("/")
    assert await page.evaluate(WORKER_READY), "no service worker took the portal"
    await customer.open("/")  # now under the service worker's control
    await expect(page.get_by_role("heading", level=1)).to_be_visible()

    await page.context.set_offline(True)
    try:
        await customer.open("/faq")
        await expect(page.get_by_role("heading", level=1)).to_have_text(
            "İnternet bağlantısı yoxdur"
        )
        await expect(page.locator("section[lang=ru] h2")).to_have_text(
            "Нет подключения к интернету"
        )
        await customer.screenshot("offline-page")
        api = await page.evaluate(
            "fetch('/api/catalog/categories').then(() => 'answered', () => 'failed')"
        )
        assert api == "failed"
    finally:
        await page.context.set_offline(False)
    await customer.open("/faq")
    await expect(page.get_by_role("heading", level=1)).not_to_have_text(
        "İnternet bağlantısı yoxdur"
    )

"""How soon the portal's first page is usable in a real browser (Debian's Chromium), run as its
own process: `python -m devstack.bench.first_page GATEWAY_URL` prints one JSON line."""

from __future__ import annotations

import asyncio
import json
import sys
import time

from playwright.async_api import async_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


async def measure(gateway: str, runs: int) -> list[float]:
    """Seconds from navigation to the categories being clickable, each in a fresh context."""
    usable = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for _ in range(runs):
            context = await browser.new_context()
            page = await context.new_page()
            started = time.perf_counter()
            await page.goto(f"{gateway}/")
            await page.locator("main button").first.wait_for()
            usable.append(time.perf_counter() - started)
            await context.close()
        await browser.close()
    return usable


if __name__ == "__main__":
    sys.stdout.write(
        json.dumps({"first_page_seconds": asyncio.run(measure(sys.argv[1], 5))}) + "\n"
    )

"""Debian's Chromium under Playwright: no browser download, and no quiet skip when it is missing."""

from __future__ import annotations

from pathlib import Path

from playwright.async_api import Browser, Playwright

from devstack.paths import repo_root

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WEB = repo_root() / "web"
SCREENSHOTS = repo_root() / "test-artifacts" / "screenshots"


def chromium_path() -> str:
    if not CHROMIUM.exists():
        raise RuntimeError(
            f"Debian's Chromium is missing at {CHROMIUM}: run `make setup` "
            "(it installs the `chromium` package); the browser tests never download a browser"
        )
    return str(CHROMIUM)


async def launch_chromium(playwright: Playwright) -> Browser:
    return await playwright.chromium.launch(
        executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
    )


def check_web_build() -> None:
    """The gateway serves web/dist as built; testing an old build would test the wrong app."""
    built = WEB / "dist" / "index.html"
    if not built.exists():
        raise RuntimeError("web/dist is not built: run `make setup` (npm ci && npm run build)")
    sources = [WEB / "index.html", WEB / "package-lock.json", *(WEB / "src").rglob("*")]
    newer = [path for path in sources if path.stat().st_mtime > built.stat().st_mtime]
    if newer:
        raise RuntimeError(f"web/dist is older than {newer[0]}: run `make setup` to rebuild it")

"""The bank inside the real sandboxes app: settings from the environment, state from the lifespan."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import time
from datetime import UTC, datetime

import httpx
import pytest

from sandboxes.app import create_app
from sandboxes.config import SandboxSettings


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def test_the_sandboxes_app_serves_the_bank_with_the_shared_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PORTAL_BANK_MERCHANT_SECRET", "test-merchant-secret")
    monkeypatch.setenv("PORTAL_BANK_SESSION_SECONDS", "60")
    monkeypatch.setenv("PORTAL_SANDBOX_URL", "http://127.0.0.1:18200")
    app = create_app(SandboxSettings(smtp_port=free_port()))
    body = json.dumps(
        {
            "order_id": "pay_wired",
            "amount_qepik": 500,
            "currency": "AZN",
            "description": "Bakı Elektrik",
            "return_url": "http://127.0.0.1:8080/pay/result?payment=pay_wired",
            "callback_url": "http://127.0.0.1:9/unused",
        }
    ).encode()
    timestamp = str(int(time.time()))
    message = f"{timestamp}.POST./bank/sessions.".encode() + body
    headers = {
        "X-Merchant-Id": "portal",
        "X-Timestamp": timestamp,
        "X-Signature": hmac.new(b"test-merchant-secret", message, hashlib.sha256).hexdigest(),
        "Content-Type": "application/json",
    }

    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as client:
            opened = await client.post("/bank/sessions", content=body, headers=headers)
            page = await client.get(
                opened.json()["payment_page_url"].removeprefix("http://127.0.0.1:18200")
            )

    assert opened.status_code == 201
    assert opened.json()["payment_page_url"].startswith("http://127.0.0.1:18200/bank/pay/ses_")
    assert page.status_code == 200 and "Bakı Elektrik" in page.text
    lifetime = datetime.fromisoformat(opened.json()["expires_at"]) - datetime.now(UTC)
    assert 55 <= lifetime.total_seconds() <= 60

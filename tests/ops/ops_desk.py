"""Signing in as ops (or another role) at support-desk, and asking ops-desk through the gateway."""

from __future__ import annotations

import httpx

from devstack.stack import Stack

PASSWORDS = {
    "farid": "PORTAL_SUPPORT_OPS_PASSWORD",
    "aysel": "PORTAL_SUPPORT_SPECIALIST_PASSWORD",
    "leyla": "PORTAL_SUPPORT_SUPERVISOR_PASSWORD",
}


def sign_in(system: Stack, client: httpx.Client, username: str = "farid") -> dict[str, str]:
    answer = client.post(
        f"{system.gateway_url}/api/support/auth/token",
        data={"username": username, "password": system.secrets[PASSWORDS[username]]},
    )
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


def ops_url(system: Stack, path: str) -> str:
    return f"{system.gateway_url}/api/ops{path}"

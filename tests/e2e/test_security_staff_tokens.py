"""Every staff operation the support desk documents (found in its OpenAPI, so a new one is checked
too) refuses a missing, expired, tampered or unsigned token with 401, and a specialist acting
beyond their role with 403."""

from __future__ import annotations

import base64
import json
import time
import uuid
from typing import Any

import httpx
import jwt
import pytest

from tests.e2e.portal import Portal
from tests.e2e.test_support import letter, sign_in, write_letter

pytestmark = pytest.mark.e2e

METHODS = ("get", "post", "put", "patch", "delete")
# A body that passes validation, so that only the role can be what is refused.
BODIES: dict[str, dict[str, Any]] = {
    "assign": {"assignee": "aysel"},
    "replies": {"message": "Salam, baxırıq."},
    "resolve": {"resolution": "Balans artırıldı."},
    "redirect": {"institution": "imei.az (MCQS), 157"},
}


async def staff_operations(portal: Portal) -> list[tuple[str, str]]:
    """(method, path) of every operation that takes a staff token, from the served OpenAPI."""
    schema = (await portal.http.get(f"{portal.system.gateway_url}/api/support/openapi.json")).json()
    return [
        (method.upper(), path)
        for path, item in schema["paths"].items()
        for method in METHODS
        if item.get(method, {}).get("security")
    ]


def forged(portal: Portal, **claims: Any) -> str:
    """A token signed with the desk's real secret (only a test holding it can make one)."""
    now = int(time.time())
    base = {"sub": "rashad", "role": "specialist", "iss": "support-desk", "aud": "support-desk"}
    payload = base | {"iat": now, "exp": now + 600} | claims
    secret = portal.system.secrets["PORTAL_SUPPORT_JWT_SECRET"]
    return jwt.encode(payload, secret, algorithm="HS256")


def tampered(token: str, **claims: Any) -> str:
    """The same signature over a payload changed to `claims`."""
    header, payload, signature = token.split(".")
    padded = payload + "=" * (-len(payload) % 4)
    changed = json.loads(base64.urlsafe_b64decode(padded)) | claims
    encoded = base64.urlsafe_b64encode(json.dumps(changed).encode()).rstrip(b"=").decode()
    return f"{header}.{encoded}.{signature}"


def unsigned(**claims: Any) -> str:
    return jwt.encode(claims, key=None, algorithm="none")  # type: ignore[arg-type]


async def call(
    portal: Portal, method: str, path: str, token: str | None, ticket_id: str
) -> httpx.Response:
    url = portal.system.gateway_url + path.replace("{ticket_id}", ticket_id)
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    body = BODIES.get(path.rsplit("/", 1)[-1], {}) if method != "GET" else None
    return await portal.http.request(method, url, json=body, headers=headers)


async def test_every_staff_operation_refuses_a_token_that_is_not_good(portal: Portal) -> None:
    created = await write_letter(portal, json=letter(f"tok-{uuid.uuid4().hex[:8]}@example.az"))
    ticket_id = created.json()["ticket_id"]
    real = (await sign_in(portal, "rashad"))["Authorization"].removeprefix("Bearer ")
    not_good = {
        "missing": None,
        "expired": forged(portal, iat=int(time.time()) - 7200, exp=int(time.time()) - 3600),
        "tampered": tampered(real, role="supervisor", sub="leyla"),
        "wrong key": jwt.encode({"sub": "leyla", "role": "supervisor"}, "guess" * 8, "HS256"),
        "unsigned": unsigned(sub="leyla", role="supervisor", iss="support-desk"),
        "role it does not have": forged(portal, role="supervisor"),
    }
    operations = await staff_operations(portal)
    assert len(operations) >= 8, operations  # the desk's listing, actions and attachment
    wrong = []
    for method, path in operations:
        for kind, token in not_good.items():
            answer = await call(portal, method, path, token, ticket_id)
            problem = answer.json() if answer.status_code == 401 else {}
            if answer.status_code != 401 or problem.get("code") not in {
                "unauthenticated",
                "invalid_token",
            }:
                wrong.append(f"{method} {path} with a {kind} token: {answer.status_code}")
            elif not answer.headers["www-authenticate"].startswith("Bearer"):
                wrong.append(f"{method} {path} with a {kind} token: no WWW-Authenticate")
    assert not wrong, "\n".join(wrong)


async def test_a_specialist_acting_beyond_their_role_is_refused_with_403(portal: Portal) -> None:
    """Every ticket operation documented with a 403 refuses a specialist on someone else's ticket.
    (A case's actions need a payment's case: their roles are proven in test_case_actions_rules.)"""
    created = await write_letter(portal, json=letter(f"role-{uuid.uuid4().hex[:8]}@example.az"))
    ticket_id = created.json()["ticket_id"]
    rashad = await sign_in(portal, "rashad")
    aysel = (await sign_in(portal, "aysel"))["Authorization"].removeprefix("Bearer ")
    base = f"{portal.system.gateway_url}/api/support/tickets/{ticket_id}"
    assert (await portal.http.post(f"{base}/assign", json={}, headers=rashad)).status_code == 200
    schema = (await portal.http.get(f"{portal.system.gateway_url}/api/support/openapi.json")).json()
    guarded = [
        (method.upper(), path)
        for path, item in schema["paths"].items()
        for method in METHODS
        if "403" in item.get(method, {}).get("responses", {})
        and path.startswith("/api/support/tickets/")
    ]
    assert len(guarded) >= 4, guarded
    for method, path in guarded:
        answer = await call(portal, method, path, aysel, ticket_id)
        assert answer.status_code == 403, f"{method} {path}: {answer.status_code} {answer.text}"
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.json()["code"] in {"supervisor_only", "not_your_ticket"}
    after = (await portal.http.get(base, headers=rashad)).json()
    assert after["assignee"] == "rashad" and after["state"] != "resolved"


async def test_an_ops_member_is_refused_on_every_desk_operation(portal: Portal) -> None:
    """Ops sign in at the desk for the ops console; tickets and cases are not theirs to work."""
    created = await write_letter(portal, json=letter(f"ops-{uuid.uuid4().hex[:8]}@example.az"))
    ticket_id = created.json()["ticket_id"]
    farid = (await sign_in(portal, "farid", "ops"))["Authorization"].removeprefix("Bearer ")
    wrong = []
    for method, path in await staff_operations(portal):
        answer = await call(portal, method, path, farid, ticket_id)
        if answer.status_code != 403 or answer.json().get("code") != "desk_staff_only":
            wrong.append(f"{method} {path}: {answer.status_code} {answer.text[:120]}")
    assert not wrong, "\n".join(wrong)

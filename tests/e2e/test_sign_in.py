"""Guessing a specialist's password: after five wrong ones the name is locked, on every replica,
even for the right password, until the lock ends; an unknown name is locked the same way."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tests.e2e.portal import Portal
from tests.e2e.test_support import PASSWORDS

pytestmark = pytest.mark.e2e

LOCK_SECONDS = 2  # PORTAL_SIGN_IN_LOCK_SECONDS in the test stack


async def sign_in(portal: Portal, username: str, password: str) -> httpx.Response:
    return await portal.http.post(
        f"{portal.system.gateway_url}/api/support/auth/token",
        data={"username": username, "password": password},
    )


async def test_five_wrong_passwords_lock_the_name_until_the_lock_ends(portal: Portal) -> None:
    right = portal.system.secrets[PASSWORDS["specialist"]]
    wrong = [await sign_in(portal, "rashad", f"guess-{n}") for n in range(5)]
    assert [answer.status_code for answer in wrong] == [401, 401, 401, 401, 429]
    locked = await sign_in(portal, "rashad", right)  # through the gateway: the other replica too
    assert locked.status_code == 429
    assert locked.json()["code"] == "sign_in_locked"
    assert 1 <= int(locked.headers["retry-after"]) <= LOCK_SECONDS
    assert (await sign_in(portal, "aysel", right)).status_code == 200  # others are not locked

    await asyncio.sleep(LOCK_SECONDS + 0.5)
    assert (await sign_in(portal, "rashad", right)).status_code == 200
    assert (await sign_in(portal, "rashad", "guess-again")).status_code == 401  # count reset


async def test_an_unknown_name_is_locked_like_a_real_one(portal: Portal) -> None:
    answers = [await sign_in(portal, "mallory", f"guess-{n}") for n in range(6)]
    assert [answer.status_code for answer in answers] == [401, 401, 401, 401, 429, 429]

"""The database killed outright (kill -9 of PostgreSQL, then of FerretDB) while customers pay:
every payment that was answered 201 is still there afterwards and ends honestly, paid once and
activated once; a customer who reached us during the outage got a problem to retry, not a 500."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from devstack.stack import INFRASTRUCTURE_TIMEOUT, Stack
from tests.e2e.portal import Portal, unique_phone

pytestmark = [pytest.mark.e2e, pytest.mark.local_infra]

CUSTOMERS = 6
LOAD_SECONDS = 14.0
# Longer than a consumer's retries of a failing event take (about 6 s): waiting for the
# database must not count as the event failing.
POSTGRES_OUTAGE_SECONDS = 7.0


async def test_payments_answered_201_survive_the_database_being_killed(
    portal: Portal, system: Stack
) -> None:
    answered: list[str] = []
    statuses: list[tuple[int, str]] = []
    stop_at = time.monotonic() + LOAD_SECONDS
    load = asyncio.gather(
        *(customer(portal, stop_at, answered, statuses) for _ in range(CUSTOMERS))
    )
    await asyncio.sleep(2)
    await crash_and_restart(system, "postgres", POSTGRES_OUTAGE_SECONDS)
    await asyncio.sleep(1)
    await crash_and_restart(system, "ferretdb", 1.0)
    await load

    assert len(answered) >= CUSTOMERS, "the load hardly ran"
    assert [s for s in statuses if s[0] >= 500 and s[0] != 503] == []
    ends = {}
    for payment_id in answered:
        view = await portal.wait_for_state(payment_id, {"completed", "refunded"}, seconds=90)
        ends[payment_id] = view["state"]
    assert set(ends.values()) <= {"completed", "refunded"}, ends
    for payment_id, state in ends.items():
        bank = await portal.bank_ledger(payment_id)
        provider = await portal.provider_ledger("azercell", payment_id)
        assert bank["debits"] == 1, (payment_id, bank)
        if state == "completed":
            assert provider["payments_recorded"] == 1 and bank["refunds"] == 0, payment_id
        else:
            assert provider["payments_recorded"] == 0 and bank["refunds"] == 1, payment_id


async def customer(
    portal: Portal, stop_at: float, answered: list[str], statuses: list[int]
) -> None:
    """Creates and pays payments one after another; what was answered 201 is ours to keep."""
    while time.monotonic() < stop_at:
        try:
            created = await portal.create_payment("azercell", unique_phone(), "1.00")
        except httpx.TransportError:
            await asyncio.sleep(0.2)
            continue
        statuses.append((created.status_code, created.text[:300]))
        if created.status_code != 201:
            await asyncio.sleep(0.2)
            continue
        answered.append(created.json()["payment_id"])
        await pay_until_accepted(portal, created.json()["payment_page_url"])


async def pay_until_accepted(portal: Portal, page_url: str) -> None:
    """The bank's page is the bank's: it stays up, and its callbacks retry until we answer."""
    for _ in range(20):
        try:
            answer = await portal.pay_on_bank_page(page_url)
        except (httpx.TransportError, AssertionError):
            await asyncio.sleep(0.3)
            continue
        if answer.status_code < 400:
            return
        await asyncio.sleep(0.3)


async def crash_and_restart(system: Stack, name: str, outage_seconds: float) -> None:
    process = system.processes[name]
    process.kill()
    await asyncio.sleep(outage_seconds)
    process.start()  # from the main thread: a child dies with the thread that started it
    await asyncio.to_thread(process.wait_ready, INFRASTRUCTURE_TIMEOUT)

"""Every query the services send with a condition is served by an index, so its cost follows
what it finds and not how many payments, tickets or registrations are stored.

The test session's PostgreSQL logs the plan of every statement and refuses a sequential scan
wherever an index could serve (devstack.postgres): a sequential scan left in a plan means no
index fits that query. The test drives the portal's flows, lets the background sweeps run, and
reads the plans logged meanwhile.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from devstack.postgres import PLAN_LOG_MARK
from devstack.stack import Stack
from tests.e2e.portal import Portal, unique_phone
from tests.e2e.test_imei import REDMI_NOTE_13, fresh_email, fresh_imei, pay_quote
from tests.e2e.test_support import api, letter, sign_in, write_letter

pytestmark = pytest.mark.e2e

SCHEMA = re.compile(r'(?:FROM|UPDATE|INTO) "([a-z_]+)"\.')  # FerretDB: a schema per database
SWEEPS_SECONDS = 3  # several rounds of every sweep (0.25-1 s apart in tests)


def plans_since(log: Path, offset: int) -> list[dict[str, Any]]:
    """The JSON plans auto_explain wrote to the log after `offset`."""
    with log.open("rb") as handle:
        handle.seek(offset)
        text = handle.read().decode(errors="replace")
    plans = []
    for record in _records(text):
        head, _, body = record.partition(PLAN_LOG_MARK)
        if "duration:" in head and body.strip().startswith("{"):
            plans.append(json.loads(body))
    return plans


def _records(text: str) -> Iterator[str]:
    """Log records: a record's continuation lines start with a tab."""
    current: list[str] = []
    for line in text.splitlines():
        if line.startswith("\t") and current:
            current.append(line)
            continue
        if current:
            yield "\n".join(current)
        current = [line]
    if current:
        yield "\n".join(current)


def scans_without_index(plan: dict[str, Any]) -> Iterator[str]:
    """Tables of the services read row by row under a condition (FerretDB's own metadata and
    unconditioned listings aside)."""
    node = plan.get("Plan", plan)
    if (
        node.get("Node Type") == "Seq Scan"
        and "Filter" in node
        and not node.get("Relation Name", "").startswith("_ferretdb")
    ):
        yield f"{node.get('Relation Name')}: {node['Filter']}"
    for child in node.get("Plans", []):
        yield from scans_without_index(child)


async def test_every_query_the_services_make_with_a_condition_uses_an_index(
    portal: Portal, system: Stack
) -> None:
    log = system.state_dir / "logs" / "postgres.log"
    offset = log.stat().st_size
    await drive_the_portal(portal)
    await asyncio.sleep(SWEEPS_SECONDS)
    plans = plans_since(log, offset)
    schemas = {found for plan in plans for found in SCHEMA.findall(plan["Query Text"])}
    assert {"checkout", "provider_gateway", "imei_registry", "support_desk"} <= schemas
    unindexed = sorted({scan for plan in plans for scan in scans_without_index(plan)})
    assert unindexed == []


async def drive_the_portal(portal: Portal) -> None:
    """A paid bill, an IMEI registered, a letter and a specialist's searches of the queue."""
    created = await portal.start_payment("azercell", unique_phone(), "1.00")
    await portal.pay_on_bank_page(created["payment_page_url"])
    await portal.wait_for_state(created["payment_id"], {"completed"})
    email = fresh_email()
    imeis = [fresh_imei(REDMI_NOTE_13), fresh_imei(REDMI_NOTE_13)]
    quoted = await portal.imei_quote("duos", imeis, email)
    assert quoted.status_code == 201, quoted.text
    await pay_quote(portal, quoted.json(), email)
    await portal.wait_until(
        lambda: portal.imei_status(imeis[0]), lambda s: s["status"] == "registered", 30
    )
    written = await write_letter(portal, json=letter(email))
    assert written.status_code == 201, written.text
    specialist = await sign_in(portal, "aysel")
    queries = ({"state": "new"}, {"category": "payment"}, {"overdue": "true"}, {"q": email}, {})
    for params in queries:
        listed = await portal.http.get(api(portal), params=params, headers=specialist)
        assert listed.status_code == 200, listed.text

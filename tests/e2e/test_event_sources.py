"""Ops reading the streams can tell who said what: every event of a paid payment names the
service that published it in one form, `/services/<name>`, whichever service it was."""

from __future__ import annotations

import pytest

from contracts.envelope import from_kafka
from contracts.topics import Topic
from devstack.stack import Stack
from tests.e2e.portal import Portal, unique_phone
from tests.e2e.topics import every_record

pytestmark = pytest.mark.e2e

PUBLISHERS = {
    "payment-initiated": "/services/checkout",
    "card-debited": "/services/checkout",
    "provider-activated": "/services/provider-gateway",
    "payment-completed": "/services/checkout",
}


async def test_every_event_of_a_payment_names_its_service_in_one_form(
    portal: Portal, system: Stack
) -> None:
    created = await portal.start_payment("azercell", unique_phone("50"), "2.00")
    await portal.pay_on_bank_page(created["payment_page_url"])
    view = await portal.wait_for_state(created["payment_id"], {"completed"})
    assert view["state"] == "completed", view
    sources = await _sources_of(system, created["payment_id"])
    assert {kind: sources.get(kind) for kind in PUBLISHERS} == PUBLISHERS


async def _sources_of(system: Stack, payment_id: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for record in await every_record(system, (Topic.PAYMENTS, Topic.ACTIVATIONS), payment_id):
        envelope = from_kafka(list(record.headers), record.value or b"")
        found[envelope.type] = envelope.source
    return found

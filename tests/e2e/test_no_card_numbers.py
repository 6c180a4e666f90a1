"""Card numbers never touch our storage: not even one a customer pastes into a letter or a
specialist types into a reply. After the session's payments and letters, no database document, no
event on any topic, no log of ours and no e-mail we sent holds one.

The card-number rule (devstack.card_scan, shared with `make chaos`) is written apart from the
services' own masker in support-desk: a different implementation of the same rule, 13-19 digits
passing Luhn, with a length and first digits that card schemes issue.
"""

from __future__ import annotations

import uuid

import pytest

from devstack.chaos.card_sweep import sweep_for_cards
from devstack.stack import Stack
from tests.e2e.portal import Portal
from tests.e2e.test_support import api, letter, sign_in, write_letter

pytestmark = pytest.mark.e2e

PASTED = ("4111 1111 1111 1111", "5555-5555-5555-4444", "378282246310005")
AFTER_A_DIGIT_RUN = "050 5105 1051 0510 5100"  # a phone prefix, then a card


async def test_no_card_number_is_kept_anywhere_even_one_pasted_into_a_letter(
    portal: Portal, system: Stack
) -> None:
    email = f"kart-{uuid.uuid4().hex[:8]}@example.az"
    message = (
        f"Pul çıxıb. Kartım {PASTED[0]}, o biri {PASTED[1]}, Amex {PASTED[2]}."
        f" Telefon və kart: {AFTER_A_DIGIT_RUN}."
    )
    written = await write_letter(portal, json=letter(email, message=message))
    assert written.status_code == 201, written.text
    ticket_id = written.json()["ticket_id"]
    aysel = await sign_in(portal, "aysel")
    ticket = (await portal.http.get(api(portal, f"/{ticket_id}"), headers=aysel)).json()
    assert "•••• 1111" in str(ticket) and "•••• 4444" in str(ticket)
    assert "050 •••• 5100" in str(ticket)
    taken = await portal.http.post(api(portal, f"/{ticket_id}/assign"), json={}, headers=aysel)
    assert taken.status_code == 200, taken.text
    replied = await portal.http.post(
        api(portal, f"/{ticket_id}/replies"),
        json={"message": "4000 0000 0000 0002 kartını bankınıza bildirin (ref-4242424242424242)."},
        headers=aysel,
    )
    assert replied.status_code == 200, replied.text
    assert await portal.mail_to(email, ticket_id) is not None

    sweep = await sweep_for_cards(
        system.mongo_url,
        system.kafka_bootstrap,
        system.state_dir / "logs",
        system.sandbox_url,
        mail_to=email,
    )
    assert sweep.documents and sweep.records and sweep.log_files and sweep.emails, sweep.scanned
    assert sweep.found == {}

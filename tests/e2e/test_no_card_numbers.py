"""Card numbers never touch our storage: not even one a customer pastes into a letter or a
specialist types into a reply. After the session's payments and letters, no database document, no
event on any topic, no log of ours and no e-mail we sent holds one.

The card-number test here is written apart from the services' own (a different implementation of
the same rule: 13-19 digits passing Luhn, with a length and first digits that card schemes issue).
"""

from __future__ import annotations

import re
import uuid

import pytest
from bson import json_util
from pymongo import AsyncMongoClient

from contracts.topics import Topic
from devstack.stack import Stack
from tests.e2e.portal import Portal
from tests.e2e.test_support import api, letter, sign_in, write_letter
from tests.e2e.topics import every_record

pytestmark = pytest.mark.e2e

PASTED = ("4111 1111 1111 1111", "5555-5555-5555-4444", "378282246310005")
AFTER_A_DIGIT_RUN = "050 5105 1051 0510 5100"  # a phone prefix, then a card
OUTSIDE_WORLD_LOGS = {"sandboxes.log"}  # the bank's card page is the bank's, not ours
# What card schemes issue, by length: Visa 13, Diners 14, Amex 15 (an IMEI is 15 digits too),
# and any of Mir, Amex, Visa, Mastercard, Discover, UnionPay at 16-19.
ISSUED = {13: ("4",), 14: ("30", "36", "38", "39"), 15: ("34", "37")}
# A card is written whole or in groups, so it begins and ends where a group of a run of digit
# groups (joined by single spaces or dashes) does: "050 4111 1111 1111 1111" holds one.
GROUP_RUN = re.compile(r"(?<!\d)\d+(?:[ -]\d+)*")


def card_numbers_in(text: str) -> list[str]:
    found = []
    for run in GROUP_RUN.finditer(text):
        ends = [run.start() + group.end() for group in re.finditer(r"\d+", run[0])]
        for start in [run.start()] + [end + 1 for end in ends[:-1]]:
            for end in (end for end in ends if end > start):
                digits = re.sub(r"\D", "", text[start:end])
                if len(digits) > 19:
                    break
                if _is_a_card(digits) and not _inside_a_digest(text, start, end):
                    found.append(text[start:end])
    return found


def _is_a_card(digits: str) -> bool:
    issued = ISSUED.get(len(digits), ("2", "3", "4", "5", "6"))
    return len(digits) >= 13 and digits.startswith(issued) and _luhn(digits)


def _inside_a_digest(text: str, start: int, end: int) -> bool:
    """A run of digits inside a long hex token (a SHA-256 fingerprint, an event id's digest) is
    part of that token, not a number anybody typed: about one key in a hundred has such a run."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    token = text[start:end]
    return len(token) >= 32 and all(ch in "0123456789abcdefABCDEF" for ch in token)


def _luhn(digits: str) -> bool:
    checksum = 0
    for index, digit in enumerate(int(d) for d in reversed(digits)):
        checksum += digit if index % 2 == 0 else (digit * 2 // 10 + digit * 2 % 10)
    return checksum % 10 == 0


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

    findings = {
        **await in_databases(system),
        **await in_topics(system),
        **in_logs(system),
        **await in_mail(portal, email),
    }
    assert findings == {}


async def in_databases(system: Stack) -> dict[str, list[str]]:
    client: AsyncMongoClient[dict[str, object]] = AsyncMongoClient(system.mongo_url)
    found: dict[str, list[str]] = {}
    try:
        for name in await client.list_database_names():
            database = client[name]
            for collection in await database.list_collection_names():
                async for document in database[collection].find({}):
                    if hits := card_numbers_in(json_util.dumps(document)):
                        found[f"{name}.{collection} {document.get('_id')}"] = hits
    finally:
        await client.close()
    return found


async def in_topics(system: Stack) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for record in await every_record(system, tuple(Topic)):
        if hits := card_numbers_in((record.value or b"").decode(errors="replace")):
            found[f"{record.topic}@{record.offset}"] = hits
    return found


def in_logs(system: Stack) -> dict[str, list[str]]:
    logs = system.state_dir / "logs"
    return {
        path.name: hits
        for path in sorted(logs.glob("*.log"))
        if path.name not in OUTSIDE_WORLD_LOGS
        if (hits := card_numbers_in(path.read_text(errors="replace")))
    }


async def in_mail(portal: Portal, address: str) -> dict[str, list[str]]:
    listing = await portal.http.get(
        f"{portal.system.sandbox_url}/mail/messages", params={"to": address}
    )
    found = {}
    for summary in listing.json():
        full = await portal.http.get(f"{portal.system.sandbox_url}/mail/messages/{summary['id']}")
        if hits := card_numbers_in(full.text):
            found[f"mail {summary['subject']}"] = hits
    return found

"""Support end to end: the contact form, a specialist's answer by e-mail, roles, and the cases the
reconciler's findings open and close by themselves — one per payment, however often told."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from aiokafka import AIOKafkaConsumer

from contracts.envelope import Envelope, from_kafka, to_kafka
from contracts.events import EventData, MismatchCleared, MismatchDetected, MismatchKind, TrailEntry
from contracts.ids import new_id
from contracts.money import Money
from contracts.topics import Topic
from devstack.stack import Stack
from servicekit.kafka import create_producer
from tests.e2e.portal import Portal

pytestmark = pytest.mark.e2e

PASSWORDS = {
    "specialist": "PORTAL_SUPPORT_SPECIALIST_PASSWORD",
    "supervisor": "PORTAL_SUPPORT_SUPERVISOR_PASSWORD",
    "ops": "PORTAL_SUPPORT_OPS_PASSWORD",
}


def api(portal: Portal, path: str = "") -> str:
    return f"{portal.system.gateway_url}/api/support/tickets{path}"


async def sign_in(portal: Portal, username: str, role: str = "specialist") -> dict[str, str]:
    """The seeded staff's passwords come from the same environment the services read."""
    answer = await portal.http.post(
        f"{portal.system.gateway_url}/api/support/auth/token",
        data={"username": username, "password": portal.system.secrets[PASSWORDS[role]]},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["role"] == role
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


async def write_letter(portal: Portal, **fields: Any) -> httpx.Response:
    """Through the gateway, which limits letters per client: waits out a 429 as a browser would."""
    for _ in range(30):
        answer = await portal.http.post(api(portal), **fields)
        if answer.status_code != 429:
            return answer
        await asyncio.sleep(float(answer.headers.get("Retry-After", "5")))
    return answer


def letter(email: str, **changes: Any) -> dict[str, Any]:
    return {
        "first_name": "Gülşən",
        "last_name": "Şirinova-Əliyeva",
        "email": email,
        "subject": "azercell",
        "message": "Kartdan 5 AZN çıxıb, balans artmayıb. <b>Təcili!</b>",
        **changes,
    }


async def test_a_letter_is_answered_by_email_and_resolved(portal: Portal) -> None:
    email = f"gulshen-{uuid.uuid4().hex[:8]}@example.az"
    answer = await write_letter(portal, json=letter(email, payment_id=new_id("pay")))
    assert answer.status_code == 201, answer.text
    ticket_id = answer.json()["ticket_id"]
    assert answer.json()["sla_hours"] == 24  # a payment problem
    confirmation = await portal.mail_to(email, ticket_id)
    assert confirmation is not None, "no confirmation e-mail with the ticket number"
    assert "&lt;b&gt;Təcili!&lt;/b&gt;" in confirmation["html"]

    aysel = await sign_in(portal, "aysel")
    listed = await portal.http.get(api(portal), params={"q": email}, headers=aysel)
    assert [t["ticket_id"] for t in listed.json()["tickets"]] == [ticket_id]
    taken = await portal.http.post(api(portal, f"/{ticket_id}/assign"), json={}, headers=aysel)
    assert taken.status_code == 200 and taken.json()["state"] == "assigned"
    words = "Ödənişiniz operatora çatdırıldı, balansı yoxlayın."
    replied = await portal.http.post(
        api(portal, f"/{ticket_id}/replies"), json={"message": words}, headers=aysel
    )
    assert replied.status_code == 200 and replied.json()["state"] == "waiting_for_customer"
    reply_mail = await portal.mail_to(email, f"Müraciətinizə cavab: {ticket_id}")  # the form was az
    assert reply_mail is not None and words in reply_mail["text"]

    came_back = await portal.http.post(
        api(portal, f"/{ticket_id}/customer-replies"),
        json={"from_email": email, "message": "Balans artdı, təşəkkürlər!"},
        headers=aysel,
    )
    assert came_back.json()["state"] == "assigned"
    resolved = await portal.http.post(
        api(portal, f"/{ticket_id}/resolve"), json={"resolution": "Balans artıb."}, headers=aysel
    )
    assert resolved.status_code == 200 and resolved.json()["state"] == "resolved"
    assert await portal.mail_to(email, f"həll olundu: {ticket_id}") is not None  # in az
    status = await portal.http.get(api(portal, f"/{ticket_id}"), params={"email": email})
    assert status.json()["state"] == "resolved" and status.json()["final"] is True
    assert status.json()["answers"][0]["text"] == words


async def test_a_letter_for_another_institution_is_redirected_there(portal: Portal) -> None:
    email = f"rashad-{uuid.uuid4().hex[:8]}@example.az"
    body = letter(
        email,
        subject="imei-registration",
        imeis=["490154203237518"],
        category="imei_device_type_mismatch",
        message="Telefon qeydiyyatdan keçib, şəbəkə gəlmir.",
    )
    image = b"\xff\xd8\xff\xe0" + bytes(4 * 1024 * 1024)  # a 4 MB photo of the screen
    form = {k: v for k, v in body.items() if k != "imeis"}
    answer = await write_letter(
        portal,
        data=form,
        files=[
            ("imeis", (None, "490154203237518")),
            ("attachment", ("screen.jpg", image, "image/jpeg")),
        ],
    )
    assert answer.status_code == 201, answer.text
    assert answer.json()["sla_hours"] == 48
    ticket_id = answer.json()["ticket_id"]
    leyla = await sign_in(portal, "leyla", "supervisor")
    redirected = await portal.http.post(
        api(portal, f"/{ticket_id}/redirect"),
        json={"institution": "imei.az (MCQS), 157", "note": "Qeydiyyat məsələləri üçün."},
        headers=leyla,
    )
    assert redirected.status_code == 200 and redirected.json()["state"] == "redirected"
    assert redirected.json()["attachment"]["size"] == len(image)
    mail = await portal.mail_to(email, f"yönləndirildi: {ticket_id}")  # the form was az
    assert mail is not None and "imei.az (MCQS), 157" in mail["text"]
    status = await portal.http.get(api(portal, f"/{ticket_id}"), params={"email": email})
    assert status.json()["institution"] == "imei.az (MCQS), 157"


@pytest.fixture(scope="module")
async def written(system: Stack) -> dict[str, str]:
    """One letter for the tests that only read: its number and the address it came from."""
    email = f"nigar-{uuid.uuid4().hex[:8]}@example.az"
    async with httpx.AsyncClient(timeout=30) as client:
        answer = await write_letter(Portal(system, client), json=letter(email))
    assert answer.status_code == 201, answer.text
    return {"ticket_id": answer.json()["ticket_id"], "email": email}


async def test_the_desk_needs_a_token_and_the_right_role(
    portal: Portal, written: dict[str, str]
) -> None:
    ticket = api(portal, f"/{written['ticket_id']}")
    for method, url in (("GET", api(portal)), ("GET", api(portal, "/overdue")), ("GET", ticket)):
        missing = await portal.http.request(method, url)
        assert missing.status_code == 401, missing.text
        assert missing.headers["content-type"] == "application/problem+json"
        assert missing.headers["www-authenticate"].startswith("Bearer")
    expired = await portal.http.get(api(portal), headers={"Authorization": "Bearer e30.e30.sig"})
    assert expired.status_code == 401 and expired.json()["code"] == "invalid_token"

    rashad, aysel = await sign_in(portal, "rashad"), await sign_in(portal, "aysel")
    taken = await portal.http.post(f"{ticket}/assign", json={}, headers=rashad)
    assert taken.status_code == 200, taken.text
    for refused in (
        await portal.http.post(f"{ticket}/assign", json={}, headers=aysel),
        await portal.http.post(f"{ticket}/assign", json={"assignee": "aysel"}, headers=rashad),
        await portal.http.post(f"{ticket}/resolve", json={"resolution": "x"}, headers=aysel),
    ):
        assert refused.status_code == 403, refused.text
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.json()["message"]["az"] and refused.json()["message"]["en"]
    leyla = await sign_in(portal, "leyla", "supervisor")
    moved = await portal.http.post(f"{ticket}/assign", json={"assignee": "aysel"}, headers=leyla)
    assert moved.status_code == 200 and moved.json()["assignee"] == "aysel"


async def test_a_wrong_email_answers_exactly_like_an_unknown_ticket(
    portal: Portal, written: dict[str, str]
) -> None:
    ticket_id, email = written["ticket_id"], written["email"]
    mine = await portal.http.get(api(portal, f"/{ticket_id}"), params={"email": email})
    assert mine.status_code == 200 and mine.json()["ticket_id"] == ticket_id
    wrong = await portal.http.get(api(portal, f"/{ticket_id}"), params={"email": "x@example.az"})
    unknown = await portal.http.get(api(portal, f"/{new_id('tkt')}"), params={"email": email})
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.content == unknown.content


async def publish(system: Stack, events: list[Envelope]) -> None:
    producer = create_producer(system.kafka_bootstrap, f"e2e-support-{uuid.uuid4().hex[:6]}")
    await producer.start()
    try:
        for envelope in events:
            key, value, headers = to_kafka(envelope)
            await producer.send_and_wait(envelope.topic(), value=value, key=key, headers=headers)
    finally:
        await producer.stop()


def wrap(event: EventData) -> Envelope:
    return Envelope.wrap(
        event, event_id=new_id("evt"), source="/services/reconciler", time=datetime.now(UTC)
    )


def debited_not_activated(payment_id: str) -> MismatchDetected:
    """What the reconciler says of a payment debited 5 AZN and not activated by its deadline."""
    now = datetime.now(UTC)
    return MismatchDetected(
        payment_id=payment_id,
        kind=MismatchKind.DEBITED_NOT_ACTIVATED,
        service_id="azercell",
        account="501234567",
        debited=Money(qepik=500),
        debited_at=now,
        deadline=now,
        trail=(TrailEntry(event_id=new_id("evt"), type="card-debited", time=now),),
        detected_at=now,
    )


async def cases_of(portal: Portal, headers: dict[str, str], payment_id: str) -> list[Any]:
    answer = await portal.http.get(api(portal), params={"q": payment_id}, headers=headers)
    assert answer.status_code == 200, answer.text
    cases: list[Any] = answer.json()["tickets"]
    return cases


async def test_a_mismatch_opens_one_case_however_often_told_and_clearing_closes_it(
    portal: Portal,
) -> None:
    payment_id = new_id("pay")
    detected = debited_not_activated(payment_id)
    first, copy = wrap(detected), wrap(detected)  # the copy: same facts, a new event id
    await publish(portal.system, [first, first, copy])
    leyla = await sign_in(portal, "leyla", "supervisor")

    cases = await portal.wait_until(lambda: cases_of(portal, leyla, payment_id), bool, 20)
    assert len(cases) == 1, cases
    case_url = api(portal, f"/{cases[0]['ticket_id']}")

    async def case() -> dict[str, Any]:
        view: dict[str, Any] = (await portal.http.get(case_url, headers=leyla)).json()
        return view

    seen = await portal.wait_until(case, lambda c: c["trail"][-1]["ref"] == copy.id, 20)
    assert [e["action"] for e in seen["trail"]] == ["event", "opened", "detected_again"]
    assert seen["origin"] == "reconciliation" and seen["facts"]["debited"] == "5.00 AZN"
    assert seen["sla_hours"] == 24 and seen["state"] == "new"
    assert len(await cases_of(portal, leyla, payment_id)) == 1

    cleared = MismatchCleared(
        payment_id=payment_id,
        kind=MismatchKind.DEBITED_NOT_ACTIVATED,
        cleared_by="provider-activated",
        cleared_at=datetime.now(UTC),
    )
    await publish(portal.system, [wrap(cleared)])
    closed = await portal.wait_until(case, lambda c: c["state"] == "resolved", 20)
    assert closed["state"] == "resolved"
    assert "provider-activated" in closed["resolution"]
    assert closed["trail"][-1]["by"] == "system"
    announced = await support_events(portal.system, cases[0]["ticket_id"], until=2)
    assert announced == ["case-opened", "case-resolved"]


async def support_events(system: Stack, ticket_id: str, until: int) -> list[str]:
    """The types of support.v1's events about one ticket, read from the start of the topic
    until `until` of them arrived (and a moment more, so a duplicate would show)."""
    consumer = AIOKafkaConsumer(
        Topic.SUPPORT.value,
        bootstrap_servers=system.kafka_bootstrap,
        group_id=None,
        auto_offset_reset="earliest",
    )
    await consumer.start()
    types: list[str] = []
    try:
        deadline = asyncio.get_running_loop().time() + 20
        quiet_until = None
        while asyncio.get_running_loop().time() < (quiet_until or deadline):
            batches = await consumer.getmany(timeout_ms=500)
            for records in batches.values():
                for record in records:
                    if record.key == ticket_id.encode():
                        types.append(from_kafka(list(record.headers), record.value or b"").type)
            if len(types) >= until and quiet_until is None:
                quiet_until = asyncio.get_running_loop().time() + 2
    finally:
        await consumer.stop()
    return types

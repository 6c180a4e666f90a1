"""The customer hears it from us first: a stuck activation opens a case that writes to them in the
language they paid in, and writes again with the provider's reference when it activates; a
refund is e-mailed with the bank's reference; the payment's status shows its case."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest

from devstack.testing import TEST_TIMINGS
from tests.e2e.portal import FINAL_STATES, SUCCESS_CARD, Portal, digits, unique_phone

pytestmark = [pytest.mark.e2e, pytest.mark.money]

DEADLINE = float(TEST_TIMINGS["PORTAL_RECONCILIATION_DEADLINE_SECONDS"])
STUCK_FOR = DEADLINE + 10  # "in progress" this long (room for the letter first), then completes
PAYMENT_FORBIDDEN = 7  # OSMP: the provider refuses the payment for good, so checkout refunds
CARD_DIGITS = SUCCESS_CARD.replace(" ", "")


async def start(portal: Portal, service_id: str, account: str, language: str) -> dict[str, Any]:
    email = f"customer-{uuid.uuid4().hex[:8]}@example.az"
    answer = await portal.http.post(
        f"{portal.system.gateway_url}/api/payments",
        json={
            "service_id": service_id,
            "account": account,
            "amount": "8.00",
            "email": email,
            "language": language,
        },
        headers={"Idempotency-Key": f"test-{uuid.uuid4().hex}"},
    )
    assert answer.status_code == 201, answer.text
    created: dict[str, Any] = answer.json()
    await portal.pay_on_bank_page(created["payment_page_url"])
    return {**created, "email": email}


async def cases_of(portal: Portal, payment_id: str) -> list[dict[str, Any]]:
    """What the payment's status page asks, through the gateway, knowing only the payment."""
    answer = await portal.http.get(
        f"{portal.system.gateway_url}/api/support/cases", params={"payment": payment_id}
    )
    assert answer.status_code == 200, answer.text
    cases: list[dict[str, Any]] = answer.json()["cases"]
    return cases


def assert_nothing_secret(mail: dict[str, Any]) -> None:
    for body in (mail["text"], mail.get("html") or ""):
        assert CARD_DIGITS not in body and "4111" not in body


async def test_a_stuck_activation_is_told_in_russian_and_its_end_with_the_providers_reference(
    portal: Portal,
) -> None:
    await portal.provider_fault("bakcell", complete_after_seconds=STUCK_FOR)
    try:
        paid = await start(portal, "bakcell", unique_phone("99"), "ru")
        payment_id, email = paid["payment_id"], paid["email"]
        opening = await portal.mail_to(
            email, f"Мы заметили проблему с вашим платежом {payment_id}", DEADLINE + 20
        )
        assert opening is not None, "no opening letter in Russian"
        assert (await portal.payment(payment_id))["state"] == "debited"  # told before it ended
        (case,) = await cases_of(portal, payment_id)
        ticket_id = case["ticket_id"]
        assert case["state"] == "new" and case["kind"] == "debited_not_activated"
        for words in ("Писать нам не нужно", ticket_id, "бакинскому времени", "/ticket?id="):
            assert words in opening["text"], words
        assert "Hörmətli" not in opening["text"] and "Dear" not in opening["text"]
        assert_nothing_secret(opening)

        completed = await portal.wait_for_state(payment_id, FINAL_STATES, seconds=STUCK_FOR + 20)
        assert completed["state"] == "completed"
    finally:
        await portal.clear_provider_faults("bakcell")

    closing = await portal.mail_to(email, f"Проблема с вашим платежом {payment_id} решена", 20)
    assert closing is not None, "no closing letter"
    found = re.search(r"Номер операции у провайдера: (\S+)\.", closing["text"])
    assert found is not None, closing["text"]
    assert_nothing_secret(closing)

    (case,) = await cases_of(portal, payment_id)
    assert (case["state"], case["outcome"]) == ("resolved", {"ended": "activated"})
    lookup = await portal.http.get(
        f"{portal.system.gateway_url}/api/support/tickets/{ticket_id}", params={"email": email}
    )
    assert lookup.status_code == 200, lookup.text
    assert lookup.json()["case"]["outcome"]["provider_reference"] == found.group(1)
    subjects = [
        message["subject"]
        for message in (
            await portal.http.get(
                f"{portal.system.sandbox_url}/mail/messages", params={"to": email}
            )
        ).json()
    ]
    assert sum("Мы заметили" in subject for subject in subjects) == 1, subjects


async def test_every_refund_is_emailed_with_the_banks_reference(portal: Portal) -> None:
    await portal.provider_fault("azeurotel", reject_code=PAYMENT_FORBIDDEN)
    try:
        paid = await start(portal, "azeurotel", digits(8), "en")
        payment_id, email = paid["payment_id"], paid["email"]
        refunded = await portal.wait_for_state(payment_id, FINAL_STATES, seconds=30)
    finally:
        await portal.clear_provider_faults("azeurotel")
    assert refunded["state"] == "refunded"
    assert (await portal.bank_ledger(payment_id))["refunds"] == 1

    mail = await portal.mail_to(email, f"Your money was refunded: {payment_id}")
    assert mail is not None, "no refund e-mail"
    reference = refunded["refund_reference"]
    for words in (reference, refunded["total"]["text"], "1–3 banking days", "Baku time"):
        assert words in mail["text"], words
    assert_nothing_secret(mail)
    assert await cases_of(portal, payment_id) == []  # refunded in time: nothing to open

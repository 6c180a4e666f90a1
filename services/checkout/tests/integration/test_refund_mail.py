"""Every refund is e-mailed, once, in the customer's language: a failed activation's refund, and a
debit that came after the card page expired (refunded at once, the payment staying expired)."""

from __future__ import annotations

import uuid
from datetime import timedelta

import httpx
import pytest

from checkout.handlers.context import Checkout
from checkout.handlers.maintenance import sweep_once
from servicekit.mail import Mailer

from .customer import create, order, pay_on_card_page, read
from .parties import Mailbox, MovableClock, bank_ledger, wait_until
from .test_refunds import provider_failed

pytestmark = [pytest.mark.integration, pytest.mark.money]


def mails_to(mailer: Mailer, email: str) -> list[tuple[str, str, str, bool]]:
    assert isinstance(mailer, Mailbox)
    return [sent for sent in mailer.sent if sent[0] == email]


async def start(api: httpx.AsyncClient, email: str, language: str) -> dict[str, str]:
    body = {**order("7.00"), "email": email, "language": language}
    created = await create(api, f"mail-{uuid.uuid4()}", body)
    assert created.status_code == 201, created.text
    answer: dict[str, str] = created.json()
    return answer


async def test_a_failed_activations_refund_is_emailed_once(
    api: httpx.AsyncClient, checkout: Checkout
) -> None:
    email = f"r-{uuid.uuid4().hex[:8]}@example.az"
    created = await start(api, email, "ru")
    payment_id = created["payment_id"]
    await pay_on_card_page(checkout.http, created["payment_page_url"])
    await wait_until(lambda: read(api, payment_id), lambda view: view["state"] == "debited")
    await provider_failed(checkout, payment_id)
    refunded = await read(api, payment_id)
    assert refunded["state"] == "refunded"

    await sweep_once(checkout)
    await sweep_once(checkout)  # a second sweep finds nothing more owed
    ((_, subject, text, has_html),) = mails_to(checkout.mailer, email)
    assert subject == f"Деньги возвращены: {payment_id}" and has_html
    assert refunded["refund_reference"] in text and "1–3 банковских дней" in text


async def test_a_debit_after_expiry_is_refunded_and_emailed(
    api: httpx.AsyncClient, checkout: Checkout, clock: MovableClock
) -> None:
    email = f"l-{uuid.uuid4().hex[:8]}@example.az"
    created = await start(api, email, "en")
    payment_id = created["payment_id"]
    clock.move_on(timedelta(minutes=16))
    await sweep_once(checkout)
    assert (await read(api, payment_id))["state"] == "expired"

    await pay_on_card_page(checkout.http, created["payment_page_url"])
    await wait_until(
        lambda: bank_ledger(checkout.http, payment_id),
        lambda ledger: ledger["refunds"] == 1 and ledger["callbacks_delivered"] >= 1,
    )
    await sweep_once(checkout)
    await sweep_once(checkout)
    view = await read(api, payment_id)
    assert view["state"] == "expired"
    ((_, subject, text, _html),) = mails_to(checkout.mailer, email)
    assert subject == f"Your money was refunded: {payment_id}"
    assert view["total"]["text"] in text and "The bank's refund reference: RF" in text

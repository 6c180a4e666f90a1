"""The card page's life: 3-D Secure, one outcome per session, expiry, and the card number."""

from __future__ import annotations

import logging

import httpx
import pytest

from sandboxes.bank.state import BankState

from .parties import VISA_OK, Customer, FakeClock, Merchant, ledger


async def test_three_d_secure_with_the_right_code_debits(
    merchant: Merchant, customer: Customer, http: httpx.AsyncClient
) -> None:
    session = await merchant.open_session("pay_1")

    posted = await customer.pay(session, "4000 0000 0000 3220")
    challenge = await http.get(posted.headers["location"])
    assert posted.headers["location"] == f"{session['payment_page_url']}/3ds"
    assert '<label for="code">' in challenge.text and "•••• 3220" in challenge.text
    assert (await merchant.status("pay_1"))["status"] == "pending"

    answered = await customer.answer_three_ds(session, "1234")

    assert answered.status_code == 303
    assert (await merchant.status("pay_1"))["status"] == "debited"
    assert (await ledger(http, "pay_1"))["debits"] == 1


async def test_three_d_secure_with_a_wrong_code_declines_without_debit(
    merchant: Merchant, customer: Customer, http: httpx.AsyncClient
) -> None:
    session = await merchant.open_session("pay_1")
    await customer.pay(session, "4000 0000 0000 3220")

    await customer.answer_three_ds(session, "0000")
    retried = await customer.answer_three_ds(session, "1234")

    status = await merchant.status("pay_1")
    assert (status["decline_reason"], status["bank_code"]) == ("three_ds_failed", "82")
    assert retried.status_code == 303 and status["status"] == "declined"
    assert (await ledger(http, "pay_1"))["debits"] == 0


async def test_posting_the_form_twice_debits_once(
    merchant: Merchant, customer: Customer, http: httpx.AsyncClient
) -> None:
    session = await merchant.open_session("pay_1")

    first = await customer.pay(session, VISA_OK)
    second = await customer.pay(session, "4000 0000 0000 0002")

    assert first.status_code == second.status_code == 303
    assert (await merchant.status("pay_1"))["status"] == "debited"
    assert (await ledger(http, "pay_1"))["debits"] == 1
    page = await http.get(session["payment_page_url"])
    assert "Payment successful" in page.text and "<form" not in page.text


async def test_an_expired_session_takes_no_card_and_reports_expired(
    merchant: Merchant, customer: Customer, http: httpx.AsyncClient, clock: FakeClock
) -> None:
    session = await merchant.open_session("pay_1")
    clock.advance(seconds=900)

    page = await http.get(session["payment_page_url"])
    posted = await customer.pay(session, VISA_OK)

    assert page.status_code == posted.status_code == 410
    assert "This payment has expired" in page.text and "<form" not in page.text
    assert (await merchant.status("pay_1"))["status"] == "expired"
    assert (await ledger(http, "pay_1"))["debits"] == 0


async def test_a_session_is_still_open_one_second_before_it_expires(
    merchant: Merchant, customer: Customer, clock: FakeClock
) -> None:
    session = await merchant.open_session("pay_1")
    clock.advance(seconds=899)

    assert (await customer.pay(session, VISA_OK)).status_code == 303
    assert (await merchant.status("pay_1"))["status"] == "debited"


async def test_an_unknown_session_is_404(http: httpx.AsyncClient) -> None:
    page = await http.get("/bank/pay/ses_unknown")
    assert page.status_code == 404 and "Payment not found" in page.text


async def test_the_full_card_number_is_never_kept_nor_logged(
    merchant: Merchant, customer: Customer, bank: BankState, caplog: pytest.LogCaptureFixture
) -> None:
    session = await merchant.open_session("pay_1")
    caplog.set_level(logging.DEBUG)

    await customer.pay(session, "4000 0000 0000 3220")
    await customer.answer_three_ds(session, "1234")

    transaction = bank.store.by_order("pay_1")
    assert transaction is not None and transaction.card_last4 == "3220"
    assert "4000000000003220" not in repr(vars(transaction))
    assert "4000000000003220" not in caplog.text and "4000 0000 0000 3220" not in caplog.text
    assert "3220" in caplog.text

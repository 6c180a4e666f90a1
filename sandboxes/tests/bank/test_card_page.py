"""The hosted card page as a customer's browser sees it: real form posts, 303s, result pages."""

from __future__ import annotations

import httpx
import pytest

from .parties import VISA_OK, Customer, Merchant, ledger


async def test_the_page_is_an_accessible_form_in_both_languages_with_nothing_external(
    merchant: Merchant, http: httpx.AsyncClient
) -> None:
    session = await merchant.open_session("pay_1")

    page = await http.get(session["payment_page_url"])

    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    html = page.text
    assert '<html lang="az">' in html
    for field in ("card_number", "expiry", "cvv", "holder"):
        assert f'<label for="{field}">' in html
        assert f'id="{field}" name="{field}"' in html
    assert "Kartın nömrəsi" in html and "Card number" in html
    assert "10.10 AZN" in html and "Azercell 0501234567" in html
    assert "<script" not in html and "<link" not in html and "src=" not in html


async def test_what_the_merchant_sent_is_escaped_on_the_page(
    merchant: Merchant, http: httpx.AsyncClient
) -> None:
    payload = merchant.session_payload("pay_1")
    payload["description"] = '<script>alert("x")</script>'
    payload["return_url"] = 'http://127.0.0.1:8080/r?a=1&b="><img src=x>'
    session = (await merchant.post("/bank/sessions", payload)).json()

    html = (await http.get(session["payment_page_url"])).text

    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


async def test_a_number_failing_luhn_is_refused_on_the_page_and_decides_nothing(
    merchant: Merchant, customer: Customer
) -> None:
    session = await merchant.open_session("pay_1")

    page = await customer.pay(session, "4111 1111 1111 1112", holder="Aysel <b>M</b>")

    assert page.status_code == 422
    assert "yoxlama rəqəmi" in page.text and "check digit" in page.text
    assert 'role="alert"' in page.text and 'aria-invalid="true"' in page.text
    assert "4111 1111 1111 1112" not in page.text and "4111111111111112" not in page.text
    assert "Aysel &lt;b&gt;M&lt;/b&gt;" in page.text
    assert (await merchant.status("pay_1"))["status"] == "pending"


async def test_a_good_card_is_debited_and_the_result_page_leads_back_to_the_merchant(
    merchant: Merchant, customer: Customer, http: httpx.AsyncClient
) -> None:
    session = await merchant.open_session("pay_1")

    posted = await customer.pay(session, VISA_OK)

    assert posted.status_code == 303
    assert posted.headers["location"] == session["payment_page_url"]
    result = await http.get(posted.headers["location"])
    assert "Payment successful" in result.text and "•••• 1111" in result.text
    assert 'href="http://127.0.0.1:8080/pay/result?payment=pay_1"' in result.text
    status = await merchant.status("pay_1")
    assert status["status"] == "debited" and status["bank_code"] == "00"
    assert status["bank_reference"].startswith("RRN") and status["bank_reference"] in result.text
    assert "decline_reason" not in status


@pytest.mark.parametrize(
    ("card", "expiry", "reason", "code", "text"),
    [
        ("4000 0000 0000 9995", "12/30", "insufficient_funds", "51", "Insufficient funds"),
        ("4000 0000 0000 0002", "12/30", "do_not_honour", "05", "declined it"),
        ("4000 0000 0000 0069", "12/30", "expired_card", "54", "has expired"),
        (VISA_OK, "02/26", "expired_card", "54", "has expired"),
    ],
)
async def test_declining_cards_are_declined_with_their_reason_and_code(
    merchant: Merchant,
    customer: Customer,
    http: httpx.AsyncClient,
    card: str,
    expiry: str,
    reason: str,
    code: str,
    text: str,
) -> None:
    session = await merchant.open_session("pay_1")

    posted = await customer.pay(session, card, expiry=expiry)
    result = await http.get(posted.headers["location"])

    assert "Payment declined" in result.text and text in result.text
    status = await merchant.status("pay_1")
    assert (status["status"], status["decline_reason"], status["bank_code"]) == (
        "declined",
        reason,
        code,
    )
    assert (await ledger(http, "pay_1"))["debits"] == 0

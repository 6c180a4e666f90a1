"""A receipt people can keep: the service by name, the account as they write it, Baku time, the
amounts and both references, in the PDF as in the page and the letter."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from io import BytesIO

import pytest
from pypdf import PdfReader

from checkout.domain.initiation import initiate
from checkout.domain.payment import Payment
from checkout.domain.service_label import ServiceLabel, account_as_known
from checkout.receipts import bank_page_description, receipt_html, receipt_pdf, receipt_text
from contracts.events.payments import Language
from contracts.ids import make_id
from contracts.money import Money

PAID_AT = datetime(2026, 12, 5, 20, 30, 5, tzinfo=UTC)  # 00:30 the next day in Baku
FINES = ServiceLabel(
    "Yol polisi cərimələri (Baş DYP)", "Traffic police fines", "Штрафы дорожной полиции", "text"
)
AZERCELL = ServiceLabel("Azercell", "Azercell", "Azercell", "phone")


def completed(
    label: ServiceLabel | None, service_id: str, account: str, language: Language = "az"
) -> Payment:
    payment = initiate(
        make_id("pay", PAID_AT, bytes(10)),
        service_id,
        account,
        Money(qepik=1050),
        Money(qepik=30),
        "aysel@example.az",
        PAID_AT - timedelta(minutes=2),
        PAID_AT + timedelta(minutes=13),
        service_label=label,
        language=language,
    )
    debited = payment.debit("BNK-7781", payment.total, PAID_AT - timedelta(minutes=1))
    return debited.complete("AZC-TX-4410", PAID_AT)


def pdf_text(payment: Payment, language: Language | None = None) -> str:
    pages = PdfReader(BytesIO(receipt_pdf(payment, language=language))).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)  # lines unwrapped


def test_the_pdf_names_the_service_and_the_account_as_the_customer_knows_them() -> None:
    text = pdf_text(completed(AZERCELL, "azercell", "501234567"))
    assert "Azercell" in text and "azercell" not in text
    assert "+994 50 123 45 67" in text and "501234567" not in text
    assert "2026-12-06 00:30:05 (Bakı vaxtı)" in text
    for words in ("10.50 AZN", "0.30 AZN", "10.80 AZN", "BNK-7781", "AZC-TX-4410"):
        assert words in text


def test_the_pdf_keeps_azerbaijani_letters() -> None:
    text = pdf_text(completed(FINES, "traffic-fines", "AB1234567"))
    assert "Yol polisi cərimələri (Baş DYP)" in text and "Traffic" not in text
    assert "Ödəniş qəbzi" in text and "Təchizatçı əməliyyatı" in text


def test_the_page_and_the_letter_say_the_same_and_print_through_the_pdf() -> None:
    payment = completed(AZERCELL, "azercell", "501234567")
    page = receipt_html(payment, "receipt.pdf")
    assert "<td>Azercell</td>" in page and "<td>+994 50 123 45 67</td>" in page
    assert 'href="receipt.pdf"' in page
    assert "onclick" not in page and "<script" not in page  # the CSP forbids inline code
    letter = receipt_text(payment)
    assert "Xidmət: Azercell" in letter
    assert "Hesab: +994 50 123 45 67" in letter
    assert "2026-12-06 00:30:05" in letter


def test_a_payment_from_before_names_were_kept_still_has_a_receipt() -> None:
    payment = replace(completed(None, "azercell", "501234567"), service_label=None)
    assert "azercell" in pdf_text(payment)


def test_the_bank_page_names_the_service_in_the_customers_language() -> None:
    fines = completed(FINES, "traffic-fines", "AB1234567")
    assert bank_page_description(fines, "ru") == "Штрафы дорожной полиции, AB1234567"
    phone = completed(AZERCELL, "azercell", "501234567")
    assert bank_page_description(phone, "az") == "Azercell, +994 50 123 45 67"


@pytest.mark.parametrize(
    ("kind", "account", "shown"),
    [
        ("phone", "501234567", "+994 50 123 45 67"),
        ("landline", "124981234", "012 498 12 34"),
        ("digits", "400123456789", "400123456789"),
        ("phone", "50123", "50123"),  # not a national number: shown as stored
    ],
)
def test_accounts_read_as_the_portal_writes_them(kind: str, account: str, shown: str) -> None:
    assert account_as_known(kind, account) == shown


def test_a_customer_who_paid_in_russian_gets_a_russian_receipt() -> None:
    payment = completed(FINES, "traffic-fines", "AB1234567", language="ru")
    text = pdf_text(payment)
    assert "Квитанция об оплате" in text and "Услуга Штрафы дорожной полиции" in text
    assert "(по бакинскому времени)" in text and "Ödəniş" not in text
    letter = receipt_text(payment)
    assert "Итого: 10.80 AZN" in letter and "Payment" not in letter
    page = receipt_html(payment, "receipt.pdf")
    assert '<html lang="ru">' in page and "Печать (PDF)" in page


def test_the_page_may_ask_for_another_language() -> None:
    payment = completed(FINES, "traffic-fines", "AB1234567", language="ru")
    page = receipt_html(payment, "receipt.pdf?lang=en", language="en")
    assert '<html lang="en">' in page and "<td>Traffic police fines</td>" in page
    assert "Квитанция" not in page
    assert "Payment receipt" in pdf_text(payment, "en")

"""The refund e-mail: owed by every refund with an e-mail, in the customer's language, with the
bank's reference and when the money shows; nothing else about the card."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from checkout.domain.initiation import initiate
from checkout.domain.payment import Payment
from checkout.domain.service_label import ServiceLabel
from checkout.refund_mail import refund_mail
from contracts.events import Language, PaymentInitiated
from contracts.ids import make_id
from contracts.money import Money

NOW = datetime(2026, 11, 26, 20, 30, tzinfo=UTC)


def refunded(language: Language, email: str | None = "aysel@example.az") -> Payment:
    payment = initiate(
        make_id("pay", NOW, bytes(10)),
        "azercell",
        "501234567",
        Money(qepik=1000),
        Money(qepik=10),
        email,
        NOW,
        NOW + timedelta(minutes=15),
        language,
    )
    return (
        payment.debit("RRN1", Money(qepik=1010), NOW)
        .fail_activation("E42", "provider refused", NOW)
        .refund("RFN-77", NOW)
    )


def test_the_language_travels_on_payment_initiated() -> None:
    payment = refunded("ru")
    first = payment.pending_events[0]
    assert isinstance(first, PaymentInitiated) and first.language == "ru"


def test_a_refund_owes_an_email_only_when_the_customer_gave_one() -> None:
    assert refunded("az").refund_mail_due
    assert not refunded("az", email=None).refund_mail_due
    assert not refunded("az").refund_mail_sent().refund_mail_due


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("az", ("Pulunuz geri qaytarıldı", "1–3 bank günü", "Bakı vaxtı")),
        ("en", ("Your money was refunded", "1–3 banking days", "Baku time")),
        ("ru", ("Деньги возвращены", "1–3 банковских дней", "бакинскому")),
    ],
)
def test_the_refund_email_speaks_the_customers_language(
    language: Language, words: tuple[str, str, str]
) -> None:
    payment = refunded(language)
    mail = refund_mail(payment)
    subject, days, zone = words
    assert mail.to == "aysel@example.az"
    assert mail.subject.startswith(subject) and payment.id in mail.subject
    assert days in mail.text and zone in mail.text
    assert "RFN-77" in mail.text and "10.10 AZN" in mail.text
    assert "2026-11-27 00:30" in mail.text  # 20:30 UTC is half past midnight in Baku
    assert mail.html is not None and "RFN-77" in mail.html
    others = {"az", "en", "ru"} - {language}
    assert not any(refund_mail(refunded(other)).text == mail.text for other in others)


def test_the_refund_email_names_the_service_and_account_as_the_customer_knows_them() -> None:
    labelled = replace(
        refunded("ru"),
        service_label=ServiceLabel("Yol polisi", "Traffic police", "Дорожная полиция", "phone"),
    )
    mail = refund_mail(labelled)
    assert "Дорожная полиция" in mail.text and "+994 50 123 45 67" in mail.text
    assert "azercell" not in mail.text

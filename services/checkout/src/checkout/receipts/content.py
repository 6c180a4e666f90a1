"""What a receipt says, line by line: the service by name, the account as the customer writes it,
the amounts, both references and the time in Baku, in the customer's language (az, en or ru)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from checkout.domain.payment import Payment
from checkout.receipts.words import WORDS, ReceiptWords
from contracts.events.payments import Language

# Azerbaijan keeps UTC+4 all year (no daylight saving since 2016), as the portal's pages do.
BAKU = timezone(timedelta(hours=4), "Baku")


@dataclass(frozen=True)
class ReceiptLine:
    label: str
    value: str
    total: bool = False  # the line the eye looks for


def words_for(payment: Payment, language: Language | None = None) -> ReceiptWords:
    """The words of `language`, or of the language the customer paid in."""
    return WORDS[language or payment.language]


def baku_time(at: datetime, words: ReceiptWords) -> str:
    """ "2026-12-05 11:00:05 (Bakı vaxtı)"."""
    return f"{at.astimezone(BAKU):%Y-%m-%d %H:%M:%S} ({words.baku_time})"


def service_name(payment: Payment, language: Language) -> str:
    label = payment.service_label
    return label.name(language) if label else payment.service_id


def account_text(payment: Payment) -> str:
    label = payment.service_label
    return label.account(payment.account) if label else payment.account


def receipt_lines(payment: Payment, language: Language | None = None) -> list[ReceiptLine]:
    words = words_for(payment, language)
    return [
        ReceiptLine(words.payment, payment.id),
        ReceiptLine(words.service, service_name(payment, language or payment.language)),
        ReceiptLine(words.account, account_text(payment)),
        ReceiptLine(words.amount, str(payment.amount)),
        ReceiptLine(words.commission, str(payment.fee)),
        ReceiptLine(words.total, str(payment.total), total=True),
        ReceiptLine(words.bank_reference, payment.bank_reference or "—"),
        ReceiptLine(words.provider_reference, payment.provider_transaction_id or "—"),
        ReceiptLine(words.date, baku_time(payment.history[-1].at, words)),
    ]


def pdf_filename(payment: Payment) -> str:
    return f"qebz-{payment.id}.pdf"


def receipt_text(payment: Payment, language: Language | None = None) -> str:
    words = words_for(payment, language)
    lines = [f"{line.label}: {line.value}" for line in receipt_lines(payment, language)]
    return "\n".join([words.title, "", *lines, "", words.completed, ""])


def bank_page_description(payment: Payment, language: str) -> str:
    """What the bank's card page says is being paid: "Azercell, +994 50 123 45 67"."""
    label = payment.service_label
    name = label.name(language) if label else payment.service_id
    return f"{name}, {account_text(payment)}"[:300]  # the bank takes 300 characters at most

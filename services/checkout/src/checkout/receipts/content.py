"""What a receipt says, line by line: the service by name, the account as the customer writes it,
the amounts, both references and the time in Baku. Labels in Azerbaijani, English and Russian."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from checkout.domain.payment import Payment

# Azerbaijan keeps UTC+4 all year (no daylight saving since 2016), as the portal's pages do.
BAKU = timezone(timedelta(hours=4), "Baku")
TITLE = "Ödəniş qəbzi / Payment receipt / Квитанция об оплате"
COMPLETED = "Ödəniş uğurla tamamlandı. / The payment was completed. / Платёж успешно завершён."


@dataclass(frozen=True)
class ReceiptLine:
    label: str
    value: str
    total: bool = False  # the line the eye looks for


def baku_time(at: datetime) -> str:
    """ "2026-12-05 11:00:05 (Bakı vaxtı / Baku time)"."""
    return f"{at.astimezone(BAKU):%Y-%m-%d %H:%M:%S} (Bakı vaxtı / Baku time)"


def service_name(payment: Payment) -> str:
    label = payment.service_label
    return label.bilingual_name() if label else payment.service_id


def account_text(payment: Payment) -> str:
    label = payment.service_label
    return label.account(payment.account) if label else payment.account


def receipt_lines(payment: Payment) -> list[ReceiptLine]:
    return [
        ReceiptLine("Ödəniş / Payment / Платёж", payment.id),
        ReceiptLine("Xidmət / Service / Услуга", service_name(payment)),
        ReceiptLine("Hesab / Account / Счёт", account_text(payment)),
        ReceiptLine("Məbləğ / Amount / Сумма", str(payment.amount)),
        ReceiptLine("Komissiya / Commission / Комиссия", str(payment.fee)),
        ReceiptLine("Cəmi / Total / Итого", str(payment.total), total=True),
        ReceiptLine("Bank arayışı / Bank reference", payment.bank_reference or "—"),
        ReceiptLine(
            "Təchizatçı əməliyyatı / Provider reference", payment.provider_transaction_id or "—"
        ),
        ReceiptLine("Tarix / Date / Дата", baku_time(payment.history[-1].at)),
    ]


def pdf_filename(payment: Payment) -> str:
    return f"qebz-{payment.id}.pdf"


def receipt_text(payment: Payment) -> str:
    lines = [f"{line.label}: {line.value}" for line in receipt_lines(payment)]
    return "\n".join([TITLE, "", *lines, "", COMPLETED, ""])


def bank_page_description(payment: Payment, language: str) -> str:
    """What the bank's card page says is being paid: "Azercell, +994 50 123 45 67"."""
    label = payment.service_label
    name = label.name(language) if label else payment.service_id
    return f"{name}, {account_text(payment)}"[:300]  # the bank takes 300 characters at most

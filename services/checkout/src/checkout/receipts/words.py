"""A receipt's words in the customer's language (the one they paid in, or the page's `?lang=`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from contracts.events.payments import Language


@dataclass(frozen=True)
class ReceiptWords:
    title: str
    completed: str
    payment: str
    service: str
    account: str
    amount: str
    commission: str
    total: str
    bank_reference: str
    provider_reference: str
    date: str
    baku_time: str
    attached: str
    print_pdf: str
    subject: str


WORDS: Final[dict[Language, ReceiptWords]] = {
    "az": ReceiptWords(
        title="Ödəniş qəbzi",
        completed="Ödəniş uğurla tamamlandı.",
        payment="Ödəniş",
        service="Xidmət",
        account="Hesab",
        amount="Məbləğ",
        commission="Komissiya",
        total="Cəmi",
        bank_reference="Bank arayışı",
        provider_reference="Təchizatçı əməliyyatı",
        date="Tarix",
        baku_time="Bakı vaxtı",
        attached="PDF qəbz məktuba əlavə olunub.",
        print_pdf="Çap et (PDF)",
        subject="Qəbz",
    ),
    "en": ReceiptWords(
        title="Payment receipt",
        completed="The payment was completed.",
        payment="Payment",
        service="Service",
        account="Account",
        amount="Amount",
        commission="Commission",
        total="Total",
        bank_reference="Bank reference",
        provider_reference="Provider reference",
        date="Date",
        baku_time="Baku time",
        attached="The PDF receipt is attached.",
        print_pdf="Print (PDF)",
        subject="Receipt",
    ),
    "ru": ReceiptWords(
        title="Квитанция об оплате",
        completed="Платёж успешно завершён.",
        payment="Платёж",
        service="Услуга",
        account="Счёт",
        amount="Сумма",
        commission="Комиссия",
        total="Итого",
        bank_reference="Номер в банке",
        provider_reference="Операция поставщика",
        date="Дата",
        baku_time="по бакинскому времени",
        attached="PDF-квитанция приложена к письму.",
        print_pdf="Печать (PDF)",
        subject="Квитанция",
    ),
}

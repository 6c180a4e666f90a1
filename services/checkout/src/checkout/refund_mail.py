"""The e-mail that tells a customer their money went back, in the language they paid in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from html import escape
from typing import Final

from checkout.domain.payment import Payment
from checkout.domain.states import PaymentState
from servicekit.mail import Mail

BAKU: Final = timezone(timedelta(hours=4), "Asia/Baku")  # UTC+4 all year since 2016

_WORDS: Final = {
    "az": (
        "Pulunuz geri qaytarıldı: {payment}",
        "Hörmətli müştəri,\n\n{payment} nömrəli ödənişin ({service}, hesab {account}) "
        "{amount} məbləği {at} (Bakı vaxtı) kartınıza geri qaytarıldı.\n\n"
        "Bankın geri ödəniş arayışı: {reference}\n\n"
        "Pul adətən 1–3 bank günü ərzində, bəzi banklarda 10 bank gününədək kartınızda görünür. "
        "Bu müddət keçibsə, arayışı göstərərək kartınızı verən banka müraciət edin.",
    ),
    "en": (
        "Your money was refunded: {payment}",
        "Dear customer,\n\n{amount} of payment {payment} ({service}, account {account}) "
        "was refunded to your card on {at} (Baku time).\n\n"
        "The bank's refund reference: {reference}\n\n"
        "The money usually shows on your card within 1–3 banking days, with some banks up to "
        "10 banking days. If it has not by then, give this reference to the bank that issued "
        "your card.",
    ),
    "ru": (
        "Деньги возвращены: {payment}",
        "Уважаемый клиент,\n\n{amount} по платежу {payment} ({service}, счёт {account}) "
        "возвращены на вашу карту {at} (по бакинскому времени).\n\n"
        "Номер возврата в банке: {reference}\n\n"
        "Обычно деньги появляются на карте в течение 1–3 банковских дней, в некоторых банках — "
        "до 10 банковских дней. Если их нет и после этого, назовите этот номер банку, "
        "выпустившему карту.",
    ),
}
SIGNATURE: Final = {"az": "SmartPay", "en": "SmartPay", "ru": "SmartPay"}


def refunded_at(payment: Payment) -> datetime:
    """When the money went back: the refund in its history, or a late debit's refund."""
    steps = [step.at for step in payment.history if step.state is PaymentState.REFUNDED]
    return steps[-1] if steps else payment.late_refund_at or payment.created_at


def refund_mail(payment: Payment) -> Mail:
    """Only the payment's own facts: no card number is ever known to checkout."""
    if payment.email is None or payment.refund_reference is None:
        raise ValueError(f"{payment.id} has no refund to tell anyone about")
    subject, body = _WORDS[payment.language]
    when = refunded_at(payment).astimezone(UTC).astimezone(BAKU)
    text = body.format(
        payment=payment.id,
        service=label.name(payment.language)
        if (label := payment.service_label)
        else payment.service_id,
        account=label.account(payment.account) if label else payment.account,
        amount=str(payment.total),
        at=when.strftime("%Y-%m-%d %H:%M"),
        reference=payment.refund_reference,
    )
    html = "".join(
        f"<p>{escape(paragraph).replace(chr(10), '<br>')}</p>"
        for paragraph in (*text.split("\n\n"), SIGNATURE[payment.language])
    )
    return Mail(
        payment.email,
        subject.format(payment=payment.id),
        f"{text}\n\n{SIGNATURE[payment.language]}\n",
        f'<html lang="{payment.language}"><body>{html}</body></html>',
        message_id=f"refund-{payment.id}",
    )

"""The HTML the customer sees at the bank, in Azerbaijani and English, with no external assets."""

from __future__ import annotations

from html import escape

from sandboxes.bank.card_form import FieldError
from sandboxes.bank.cards import DeclineReason
from sandboxes.bank.transaction import Transaction, TransactionStatus

_STYLE = """
body{font-family:system-ui,sans-serif;background:#f3f5f8;color:#1c2430;margin:0;padding:1rem}
main{max-width:26rem;margin:2rem auto;background:#fff;border-radius:.75rem;padding:1.5rem;
box-shadow:0 1px 4px #0002}
h1{font-size:1.3rem;margin-top:0}
label{display:block;font-weight:600;margin-top:1rem}
input{width:100%;box-sizing:border-box;font-size:1.1rem;padding:.5rem;margin-top:.25rem;
border:1px solid #6b7685;border-radius:.4rem}
input:focus{outline:3px solid #1a5fb4;outline-offset:1px}
button,.button{display:inline-block;margin-top:1.5rem;width:100%;padding:.75rem;font-size:1.1rem;
background:#1a5fb4;color:#fff;border:0;border-radius:.4rem;text-align:center;text-decoration:none}
.error{color:#a51d2d;margin:.25rem 0 0}
.amount{font-size:1.6rem;font-weight:700}
.muted{color:#4a5563;font-size:.9rem}
"""

DECLINE_TEXT = {
    DeclineReason.INSUFFICIENT_FUNDS: (
        "Kartda kifayət qədər vəsait yoxdur.",
        "Insufficient funds.",
    ),
    DeclineReason.DO_NOT_HONOUR: ("Bank ödənişi rədd etdi.", "The card issuer declined it."),
    DeclineReason.EXPIRED_CARD: ("Kartın müddəti bitib.", "The card has expired."),
    DeclineReason.THREE_DS_FAILED: ("3-D Secure təsdiqi alınmadı.", "3-D Secure check failed."),
}


def both(az: str, en: str) -> str:
    """One text in both languages, each marked with its language for screen readers."""
    return f'<span lang="az">{escape(az)}</span> · <span lang="en">{escape(en)}</span>'


def layout(transaction: Transaction | None, title_en: str, content: str) -> str:
    language = transaction.language if transaction else "az"
    return (
        f'<!doctype html><html lang="{escape(language)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title_en)} — Sandbox Bank</title><style>{_STYLE}</style></head>"
        f"<body><main>{content}</main></body></html>"
    )


def order_summary(transaction: Transaction) -> str:
    manat, qepik = divmod(transaction.amount_qepik, 100)
    return (
        f'<p class="muted">{escape(transaction.description)}</p>'
        f'<p class="amount">{manat}.{qepik:02d} {escape(transaction.currency)}</p>'
    )


def back_to_merchant(transaction: Transaction) -> str:
    link = escape(transaction.return_url, quote=True)
    return f'<a class="button" href="{link}">{both("Mağazaya qayıt", "Back to the merchant")}</a>'


def result_page(transaction: Transaction) -> str:
    if transaction.status.moved_money:
        heading = both("Ödəniş uğurla tamamlandı", "Payment successful")
        detail = both("Kart", "Card") + f" •••• {escape(transaction.card_last4 or '')}"
    elif transaction.decline_reason is not None:
        heading = both("Ödəniş rədd edildi", "Payment declined")
        detail = both(*DECLINE_TEXT[transaction.decline_reason])
    else:
        return expired_page(transaction)
    reference = escape(transaction.bank_reference or "")
    content = (
        f"<h1>{heading}</h1>{order_summary(transaction)}<p>{detail}</p>"
        f'<p class="muted">{both("Bankın istinadı", "Bank reference")}: {reference}</p>'
        f"{back_to_merchant(transaction)}"
    )
    return layout(transaction, "Payment result", content)


def expired_page(transaction: Transaction) -> str:
    assert transaction.status is TransactionStatus.EXPIRED
    content = (
        f"<h1>{both('Ödəniş vaxtı bitib', 'This payment has expired')}</h1>"
        f"{order_summary(transaction)}"
        f"<p>{both('Kart qəbul edilmir. Mağazaya qayıdıb yenidən başlayın.', 'No card is accepted any more. Go back to the merchant and start again.')}</p>"
        f"{back_to_merchant(transaction)}"
    )
    return layout(transaction, "Payment expired", content)


def not_found_page() -> str:
    content = f"<h1>{both('Ödəniş tapılmadı', 'Payment not found')}</h1>"
    return layout(None, "Payment not found", content)


def error_list(errors: list[FieldError]) -> str:
    if not errors:
        return ""
    items = "".join(f'<li><a href="#{e.field}">{both(e.az, e.en)}</a></li>' for e in errors)
    return f'<div role="alert"><p>{both("Düzəldin", "Please fix")}:</p><ul>{items}</ul></div>'

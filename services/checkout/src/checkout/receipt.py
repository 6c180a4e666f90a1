"""The receipt of a completed payment: printable HTML and plain text, in Azerbaijani and English."""

from __future__ import annotations

from html import escape

from checkout.domain.payment import Payment

_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;color:#111}"
    "table{width:100%;border-collapse:collapse}td{padding:.4rem;border-bottom:1px solid #ccc}"
    "td:last-child{text-align:right;font-variant-numeric:tabular-nums}h1{font-size:1.4rem}"
    "@media print{button{display:none}}"
)


def _rows(payment: Payment) -> list[tuple[str, str]]:
    completed = payment.history[-1].at.strftime("%Y-%m-%d %H:%M:%S UTC")
    return [
        ("Ödəniş / Payment", payment.id),
        ("Xidmət / Service", payment.service_id),
        ("Hesab / Account", payment.account),
        ("Məbləğ / Amount", str(payment.amount)),
        ("Komissiya / Fee", str(payment.fee)),
        ("Cəmi / Total", str(payment.total)),
        ("Bank arayışı / Bank reference", payment.bank_reference or "—"),
        ("Təchizatçı əməliyyatı / Provider transaction", payment.provider_transaction_id or "—"),
        ("Tarix / Date", completed),
    ]


def receipt_html(payment: Payment) -> str:
    rows = "".join(
        f"<tr><td>{escape(label)}</td><td>{escape(value)}</td></tr>"
        for label, value in _rows(payment)
    )
    return (
        '<!doctype html><html lang="az"><head><meta charset="utf-8">'
        f"<title>Qəbz {escape(payment.id)}</title><style>{_STYLE}</style></head><body>"
        "<h1>Ödəniş qəbzi / Payment receipt</h1>"
        f"<table>{rows}</table>"
        "<p>Ödəniş uğurla tamamlandı. / The payment was completed.</p>"
        '<button onclick="window.print()">Çap et / Print</button></body></html>'
    )


def receipt_text(payment: Payment) -> str:
    lines = [f"{label}: {value}" for label, value in _rows(payment)]
    return "\n".join(["Ödəniş qəbzi / Payment receipt", "", *lines, ""])

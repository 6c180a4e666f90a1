"""The receipt as a web page and as the HTML of its letter; "Print" is the PDF (no script: the
portal's CSP forbids inline code, and a PDF prints the same everywhere)."""

from __future__ import annotations

from html import escape

from checkout.domain.payment import Payment
from checkout.receipts.content import receipt_lines, words_for
from contracts.events.payments import Language

_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;color:#111}"
    "table{width:100%;border-collapse:collapse}td{padding:.4rem;border-bottom:1px solid #ccc}"
    "td:last-child{text-align:right;font-variant-numeric:tabular-nums}h1{font-size:1.4rem}"
    "tr.total td{font-weight:bold}a.print{display:inline-block;padding:.5rem 1rem;"
    "border:1px solid #0b5cad;border-radius:.3rem;color:#0b5cad;text-decoration:none}"
    "@media print{a.print{display:none}}"
)


def receipt_html(
    payment: Payment, pdf_url: str, attached: bool = False, language: Language | None = None
) -> str:
    """`pdf_url` is where the PDF is fetched: relative on our page, absolute in a letter, which
    also says that the PDF is attached. In `language`, or the one the customer paid in."""
    words = words_for(payment, language)
    rows = "".join(
        f"<tr{' class=total' if line.total else ''}>"
        f"<td>{escape(line.label)}</td><td>{escape(line.value)}</td></tr>"
        for line in receipt_lines(payment, language)
    )
    note = f"<p>{escape(words.attached)}</p>" if attached else ""
    return (
        f'<!doctype html><html lang="{language or payment.language}"><head><meta charset="utf-8">'
        f"<title>{escape(words.subject)} {escape(payment.id)}</title><style>{_STYLE}</style>"
        f"</head><body><h1>{escape(words.title)}</h1>"
        f"<table>{rows}</table>"
        f"<p>{escape(words.completed)}</p>{note}"
        f'<p><a class="print" href="{escape(pdf_url)}">{escape(words.print_pdf)}</a></p>'
        "</body></html>"
    )

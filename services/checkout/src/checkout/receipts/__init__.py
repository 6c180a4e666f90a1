"""The receipt of a completed payment, as a web page, a plain-text letter and a PDF to keep."""

from checkout.receipts.content import bank_page_description, receipt_lines, receipt_text
from checkout.receipts.html import receipt_html
from checkout.receipts.pdf import receipt_pdf

__all__ = [
    "bank_page_description",
    "receipt_html",
    "receipt_lines",
    "receipt_pdf",
    "receipt_text",
]

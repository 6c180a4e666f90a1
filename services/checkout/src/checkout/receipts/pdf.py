"""The receipt as a PDF to keep: one A4 page in DejaVu Sans, which has ə ş ç ğ ı ö ü and Cyrillic
(Debian's fonts-dejavu-core, installed by deploy/local/setup.sh)."""

from __future__ import annotations

from pathlib import Path
from typing import Final, cast

from fpdf import FPDF

from checkout.domain.payment import Payment
from checkout.receipts.content import receipt_lines, words_for
from contracts.events.payments import Language

FONTS: Final = Path("/usr/share/fonts/truetype/dejavu")
LABEL_WIDTH_MM: Final = 80


def receipt_pdf(payment: Payment, fonts: Path = FONTS, language: Language | None = None) -> bytes:
    """In `language`, or the one the customer paid in."""
    words = words_for(payment, language)
    pdf = FPDF(format="A4")
    pdf.set_title(f"{words.title} {payment.id}")
    pdf.set_author("SmartPay")
    pdf.set_creation_date(payment.history[-1].at)  # the same payment, the same file
    pdf.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 14)
    pdf.multi_cell(0, 8, words.title, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for line in receipt_lines(payment, language):
        pdf.set_font("DejaVu", "B" if line.total else "", 9)
        top = pdf.get_y()
        label = cast(
            float,
            pdf.multi_cell(LABEL_WIDTH_MM, 5, line.label, align="L", dry_run=True, output="HEIGHT"),
        )
        pdf.multi_cell(LABEL_WIDTH_MM, 5, line.label, align="L", new_x="RIGHT", new_y="TOP")
        pdf.set_font("DejaVu", "B" if line.total else "", 10)
        pdf.multi_cell(0, 5, line.value, align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(max(pdf.get_y(), top + label) + 1.5)
        pdf.set_draw_color(200, 200, 200)
        pdf.line(pdf.l_margin, pdf.get_y() - 0.75, pdf.w - pdf.r_margin, pdf.get_y() - 0.75)
    pdf.ln(3)
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(0, 5, words.completed, align="L", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())

"""A receipt people can keep: the bank's page and the receipt name the service; the receipt is a
PDF from the API and is attached to its e-mail, with the account as the customer writes it."""

from __future__ import annotations

import base64
import re
import uuid
from datetime import datetime, timedelta, timezone
from io import BytesIO

import pytest
from pypdf import PdfReader

from tests.e2e.portal import FINAL_STATES, Portal, unique_phone

pytestmark = pytest.mark.e2e
BAKU = timezone(timedelta(hours=4))


def text_of(pdf: bytes) -> str:
    """The PDF's words with its line breaks undone (a long value may wrap)."""
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(pdf)).pages)


async def test_a_completed_payment_has_a_pdf_receipt_by_name_and_in_the_mail(
    portal: Portal,
) -> None:
    email = f"receipt-{uuid.uuid4().hex[:8]}@example.az"
    national = unique_phone("50")
    spaced = f"+994 {national[:2]} {national[2:5]} {national[5:7]} {national[7:]}"
    catalog = await portal.http.get(f"{portal.system.gateway_url}/api/catalog/services/azercell")
    name = catalog.json()["names"]["az"]  # "Azercell (SimSim)"
    created = await portal.start_payment("azercell", f"0{national}", "5.00", email=email)

    card_page = await portal.http.get(created["payment_page_url"])
    described = re.search(r'<p class="muted">([^<]*)</p>', card_page.text)
    assert described and described.group(1) == f"{name}, {spaced}"  # the bank says what is paid
    early = await portal.http.get(
        f"{portal.system.gateway_url}/api/payments/{created['payment_id']}/receipt.pdf"
    )
    assert early.status_code == 409 and early.json()["code"] == "receipt_not_ready"

    bank_answer = await portal.pay_on_bank_page(created["payment_page_url"])
    found = re.search(r"Bank reference[^:]*:\s*([^<\s]+)", bank_answer.text)
    assert found, bank_answer.text
    bank_reference = found.group(1)
    view = await portal.wait_for_state(created["payment_id"], FINAL_STATES)
    assert view["state"] == "completed"

    pdf = await portal.http.get(f"{portal.system.gateway_url}{view['receipt_pdf_url']}")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    text = text_of(pdf.content)
    completed_at = datetime.fromisoformat(view["history"][-1]["at"]).astimezone(BAKU)
    assert f"Xidmət {name}" in text and "azercell" not in text  # paid in az: all in az
    assert f"Hesab {spaced}" in text
    assert f"{completed_at:%Y-%m-%d %H:%M:%S} (Bakı vaxtı)" in text
    assert "5.00 AZN" in text and "Cəmi 5.00 AZN" in text
    assert f"Bank arayışı {bank_reference}" in text
    provider = re.search(r"Təchizatçı əməliyyatı (\S+)", text)
    assert provider and provider.group(1) != "—"

    page = await portal.http.get(f"{portal.system.gateway_url}{view['receipt_url']}")
    assert f"<td>{name}" in page.text and 'href="receipt.pdf"' in page.text

    mail = await portal.mail_to(email, f"Qəbz {created['payment_id']}")
    assert mail is not None, "no receipt e-mail arrived"
    (attached,) = mail["attachments"]
    assert attached["content_type"] == "application/pdf"
    assert attached["filename"] == f"qebz-{created['payment_id']}.pdf"
    assert text_of(base64.b64decode(attached["base64"])) == text
    assert spaced in mail["text"] and "receipt.pdf" in (mail["html"] or "")


@pytest.mark.parametrize(
    ("language", "subject", "words", "foreign"),
    [
        ("ru", "Квитанция", ("Квитанция об оплате", "Итого", "по бакинскому времени"), "Cəmi"),
        ("en", "Receipt", ("Payment receipt", "Total", "Baku time"), "Итого"),
    ],
)
async def test_the_receipt_letter_and_pdf_speak_the_language_the_customer_paid_in(
    portal: Portal, language: str, subject: str, words: tuple[str, ...], foreign: str
) -> None:
    email = f"receipt-{language}-{uuid.uuid4().hex[:8]}@example.az"
    created = await portal.start_payment(
        "azercell", f"0{unique_phone('50')}", "3.00", email=email, language=language
    )
    await portal.pay_on_bank_page(created["payment_page_url"])
    view = await portal.wait_for_state(created["payment_id"], FINAL_STATES)
    assert view["state"] == "completed"

    mail = await portal.mail_to(email, f"{subject} {created['payment_id']}")
    assert mail is not None, f"no receipt e-mail in {language}"
    (attached,) = mail["attachments"]
    pdf = text_of(base64.b64decode(attached["base64"]))
    for said in (mail["text"], mail["html"] or "", pdf):
        assert all(word in said for word in words), said
        assert foreign not in said
    asked = await portal.http.get(
        f"{portal.system.gateway_url}{view['receipt_url']}", params={"lang": "az"}
    )
    assert "Ödəniş qəbzi" in asked.text and 'href="receipt.pdf?lang=az"' in asked.text

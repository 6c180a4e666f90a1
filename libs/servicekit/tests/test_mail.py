"""The one mailer: what the customer's mail program receives, through the mail sandbox's SMTP."""

from __future__ import annotations

import smtplib
from collections.abc import Iterator

import pytest

from devstack.ports import free_port
from sandboxes.mail.mailbox import Mailbox
from sandboxes.mail.smtp import smtp_server
from servicekit.mail import Attachment, Mail, Mailer


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, int]]:
    box, port = Mailbox(), free_port()
    server = smtp_server(box, "127.0.0.1", port)
    server.start()
    try:
        yield box, port
    finally:
        server.stop()


async def test_a_letter_arrives_with_its_text_html_and_stable_id(
    mailbox: tuple[Mailbox, int],
) -> None:
    box, port = mailbox
    mailer = Mailer("127.0.0.1", port, "SmartPay <noreply@portal.local>", "support.portal.local")
    letter = Mail(
        "aysel@example.az", "Müraciət / Ticket T-1", "Salam, Aysel", "<p>Salam, Aysel</p>", "l-1"
    )
    await mailer.send(letter)
    await mailer.send(letter)  # sent again after a crash: recognisably the same letter

    first, again = box.find("aysel@example.az")
    assert first.subject == "Müraciət / Ticket T-1"
    assert first.text.strip() == "Salam, Aysel"
    assert first.html is not None and "<p>Salam, Aysel</p>" in first.html
    assert first.headers["Message-ID"] == "<l-1@support.portal.local>"
    assert again.headers["Message-ID"] == first.headers["Message-ID"]  # the same message
    assert "===============" not in str(mailer.message(letter))  # no random decimal boundary


async def test_a_letter_carries_its_attachment_byte_for_byte(
    mailbox: tuple[Mailbox, int],
) -> None:
    box, port = mailbox
    pdf = b"%PDF-1.7\n\x00\xff binary receipt"
    letter = Mail(
        "aysel@example.az",
        "Qəbz / Receipt",
        "Qəbz əlavədədir.",
        "<p>Qəbz əlavədədir.</p>",
        attachments=(Attachment("qebz-pay_1.pdf", "application/pdf", pdf),),
    )
    await Mailer("127.0.0.1", port, "noreply@portal.local").send(letter)

    (received,) = box.find("aysel@example.az")
    assert received.text.strip() == "Qəbz əlavədədir."
    assert received.html is not None and "<p>Qəbz əlavədədir.</p>" in received.html
    (attached,) = received.attachments
    assert (attached.filename, attached.content_type) == ("qebz-pay_1.pdf", "application/pdf")
    assert attached.data == pdf
    assert received.full()["attachments"][0]["size"] == len(pdf)


async def test_a_plain_mail_has_no_html_part(mailbox: tuple[Mailbox, int]) -> None:
    box, port = mailbox
    await Mailer("127.0.0.1", port, "noreply@portal.local").send(
        Mail("ali@example.az", "IMEI", "Cihazınızı yenidən başladın.")
    )
    (received,) = box.find("ali@example.az")
    assert received.html is None
    assert received.text.strip() == "Cihazınızı yenidən başladın."


async def test_a_mailer_that_cannot_reach_the_server_says_so() -> None:
    mailer = Mailer("127.0.0.1", free_port(), "noreply@portal.local")
    with pytest.raises((OSError, smtplib.SMTPException)):
        await mailer.send(Mail("ali@example.az", "x", "y"))

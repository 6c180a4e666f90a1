"""Who may act (roles), what tokens prove, and what letters show of what people wrote."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt
import pytest

from contracts.ids import make_id
from support_desk.adapters.staff import StaffDirectory, TokenIssuer
from support_desk.domain.attachments import image_type, safe_filename
from support_desk.domain.contact_form import ContactForm
from support_desk.domain.opening import open_ticket
from support_desk.domain.permissions import (
    PermissionRefusedError,
    Role,
    StaffMember,
    check_assignment,
    check_work,
)
from support_desk.domain.sla import Category

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
AYSEL = StaffMember("aysel", Role.SPECIALIST)
RASHAD = StaffMember("rashad", Role.SPECIALIST)
LEYLA = StaffMember("leyla", Role.SUPERVISOR)
FORM = ContactForm(
    "Nigar", "Həsənova", "n@example.az", "other", "<b>salam</b> & <script>x</script>"
)
TICKET = open_ticket(
    make_id("tkt", NOW, bytes(10)), FORM, Category("other", 72, True, "", "", ""), NOW
)
DIRECTORY = StaffDirectory(
    [("aysel", Role.SPECIALIST, "s3cret"), ("leyla", Role.SUPERVISOR, "b0ss")]
)


def test_a_specialist_takes_a_free_ticket_but_cannot_take_someone_elses() -> None:
    check_assignment(AYSEL, TICKET, "aysel")
    taken = TICKET.assign("rashad", "rashad", NOW)
    with pytest.raises(PermissionRefusedError, match="supervisor"):
        check_assignment(AYSEL, taken, "aysel")
    with pytest.raises(PermissionRefusedError, match="supervisor"):
        check_assignment(AYSEL, TICKET, "rashad")
    check_assignment(LEYLA, taken, "aysel")


def test_only_the_assignee_or_a_supervisor_works_on_a_ticket() -> None:
    taken = TICKET.assign("rashad", "rashad", NOW)
    check_work(RASHAD, taken)
    check_work(LEYLA, taken)
    with pytest.raises(PermissionRefusedError) as refused:
        check_work(AYSEL, taken)
    assert refused.value.code == "not_your_ticket" and refused.value.az


def test_sign_in_checks_the_password_and_the_token_proves_who_and_what_role() -> None:
    assert DIRECTORY.authenticate("aysel", "wrong") is None
    assert DIRECTORY.authenticate("nobody", "s3cret") is None
    member = DIRECTORY.authenticate("leyla", "b0ss")
    assert member == LEYLA
    issuer = TokenIssuer("k" * 32, timedelta(minutes=5), lambda: NOW, DIRECTORY)
    assert issuer.verify(issuer.issue(LEYLA)) == LEYLA
    later = TokenIssuer(
        "k" * 32, timedelta(minutes=5), lambda: NOW + timedelta(minutes=6), DIRECTORY
    )
    assert later.verify(issuer.issue(LEYLA)) is None  # expired


def test_forged_expired_or_promoted_tokens_prove_nothing() -> None:
    issuer = TokenIssuer("k" * 32, timedelta(minutes=5), lambda: datetime.now(UTC), DIRECTORY)
    other_key = TokenIssuer("x" * 32, timedelta(minutes=5), lambda: datetime.now(UTC), DIRECTORY)
    assert issuer.verify(other_key.issue(AYSEL)) is None
    promoted = jwt.decode(issuer.issue(AYSEL), options={"verify_signature": False})
    promoted["role"] = "supervisor"
    assert issuer.verify(jwt.encode(promoted, "k" * 32, algorithm="HS256")) is None
    assert issuer.verify(jwt.encode(promoted, "", algorithm="none")) is None
    assert issuer.verify("not-a-token") is None


def test_letters_carry_what_the_customer_wrote_as_text_and_escaped_in_html() -> None:
    (letter,) = TICKET.letters_due
    assert "<script>x</script>" in letter.text
    assert "<script>" not in letter.html and "&lt;script&gt;x&lt;/script&gt;" in letter.html
    assert "&lt;b&gt;salam&lt;/b&gt; &amp;" in letter.html


@pytest.mark.parametrize(
    ("start", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n....", "image/png"),
        (b"\xff\xd8\xff\xe0JFIF", "image/jpeg"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"GIF89a", None),
        (b"<svg onload=alert(1)>", None),
        (b"RIFF\x10\x00\x00\x00WAVE", None),
        (b"", None),
    ],
)
def test_images_are_recognised_by_their_bytes(start: bytes, kind: str | None) -> None:
    assert image_type(start) == kind


def test_attachment_names_are_names_not_paths() -> None:
    assert safe_filename("../../etc/passwd.png", "image/jpeg") == "passwd.jpg"
    assert safe_filename('a"b;c\r\n.webp', "image/webp") == "abc.webp"
    assert safe_filename(None, "image/png") == "image.png"

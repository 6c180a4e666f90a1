"""The contact form's checks: names in Azerbaijani, careful e-mails, no header injection."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from support_desk.domain.contact_form import ContactFormInvalidError, read_contact_form
from support_desk.domain.email import email_address
from support_desk.domain.fields import FieldRefusedError, imei_list, person_name

CATEGORIES = ("imei_device_type_mismatch", "other", "payment_problem")
VALID: dict[str, Any] = {
    "first_name": "Aysel",
    "last_name": "Məmmədova",
    "email": "aysel@example.az",
    "subject": "azercell",
    "message": "Kartdan pul çıxıb, balans artmayıb.",
}


def refusal(raw: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(ContactFormInvalidError) as invalid:
        read_contact_form(raw, CATEGORIES)
    return {error.field: error.code for error in invalid.value.errors}


@pytest.mark.parametrize(
    "name",
    ["Şəhla", "Ələkbər", "Gülşən", "Çingiz", "Ağa-Bəy", "Ümid", "İlqar", "Ilgar O'Neil", "Öməр"],
)
def test_names_with_azerbaijani_and_other_letters_are_accepted(name: str) -> None:
    assert person_name("first_name", name) == name


def test_names_are_tidied_not_refused_for_spacing() -> None:
    assert person_name("last_name", "  Əli   Bəy  ") == "Əli Bəy"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("", "required"),
        ("Aysel1", "not_a_name"),
        ("<script>", "not_a_name"),
        ("-Aysel", "not_a_name"),
        ("Aysel\r\nBcc: x@evil.az", "control_characters"),
        ("A" * 51, "too_long"),
    ],
)
def test_names_that_are_not_names_are_refused_in_both_languages(name: str, code: str) -> None:
    with pytest.raises(FieldRefusedError) as refused:
        person_name("first_name", name)
    assert refused.value.error.code == code
    assert refused.value.error.az and refused.value.error.en


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("aysel@example.az", "aysel@example.az"),
        ("  Aysel.Mammadova+bills@Example.AZ ", "Aysel.Mammadova+bills@example.az"),
        ("o'neil@mail.ru", "o'neil@mail.ru"),
        ("user@poçt.az", "user@xn--pot-3la.az"),
    ],
)
def test_good_addresses_are_kept_with_the_domain_lower_cased(typed: str, kept: str) -> None:
    assert email_address(typed) == kept


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "required"),
        ("aysel.example.az", "at_sign"),
        ("aysel@@example.az", "at_sign"),
        ("aysel@example", "domain"),
        ("aysel@example.a", "domain"),
        ("aysel@-example.az", "domain"),
        ("aysel@exam_ple.az", "domain"),
        (".aysel@example.az", "local_part"),
        ("ay..sel@example.az", "local_part"),
        ("aysel.@example.az", "local_part"),
        ("şəhla@example.az", "local_part"),
        ("aysel@gmial.com", "domain_typo"),
        ("aysel@gmail.con", "domain_typo"),
        ("aysel @example.az", "one_address_only"),
        ("a@example.az, b@example.az", "one_address_only"),
        ("Aysel <a@example.az>", "one_address_only"),
        ("a@example.az\r\nBcc: everyone@example.az", "header_injection"),
        ("a@example.az\nSubject: free money", "header_injection"),
        ("a@example.az%0aBcc:x@evil.az", "header_injection"),
        ("a@example.az\u2028Bcc: x@evil.az", "header_injection"),
        ("a@example.az\x00", "header_injection"),
        ("x" * 65 + "@example.az", "local_part"),
    ],
)
def test_wrong_addresses_are_refused_with_a_reason(typed: str, code: str) -> None:
    with pytest.raises(FieldRefusedError) as refused:
        email_address(typed)
    assert refused.value.error.code == code


def test_a_typo_in_the_domain_suggests_the_right_address() -> None:
    with pytest.raises(FieldRefusedError) as refused:
        email_address("aysel@gmial.com")
    assert "aysel@gmail.com" in refused.value.error.en
    assert "aysel@gmail.com" in refused.value.error.az


@given(st.text(max_size=80))
def test_no_address_the_check_accepts_can_break_a_mail_header(typed: str) -> None:
    try:
        kept = email_address(typed)
    except FieldRefusedError:
        return
    assert kept.isascii() and kept.isprintable() and kept.count("@") == 1
    assert not any(char in kept for char in "\r\n ,;<>")


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        (["35-209900-176148-1"], ("352099001761481",)),
        (["490154203237518/01"], ("490154203237518",)),
        (["490154203237518", "35 209900 176148 1"], ("490154203237518", "352099001761481")),
        ("490154203237518", ("490154203237518",)),
        (None, ()),
    ],
)
def test_imeis_are_taken_as_shown_on_the_screen(typed: Any, kept: tuple[str, ...]) -> None:
    assert imei_list(typed) == kept


def test_the_whole_form_reports_every_wrong_field_at_once() -> None:
    raw = {**VALID, "first_name": "1", "email": "nope", "imeis": ["1", "2", "3"], "extra": "x"}
    assert refusal(raw) == {
        "first_name": "not_a_name",
        "email": "at_sign",
        "imeis": "imei_count",
        "extra": "unknown_field",
    }


def test_html_in_the_message_is_kept_as_text() -> None:
    form = read_contact_form({**VALID, "message": "<script>alert(1)</script>"}, CATEGORIES)
    assert form.message == "<script>alert(1)</script>"


def test_the_imei_pages_prefilled_mismatch_letter_is_accepted() -> None:
    form = read_contact_form(
        {
            **VALID,
            "subject": "imei-registration",
            "imeis": ["490154203237518", "352099001761481"],
            "category": "imei_device_type_mismatch",
        },
        CATEGORIES,
    )
    assert form.category == "imei_device_type_mismatch" and len(form.imeis) == 2


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("subject", "Azercell!", "unknown_subject"),
        ("subject", 5, "unknown_subject"),
        ("message", "   ", "required"),
        ("message", "x" * 5001, "too_long"),
        ("payment_id", "12345", "not_a_payment_id"),
        ("category", "reconciliation_mismatch", "unknown_category"),
        ("first_name", ["Aysel"], "required"),
    ],
)
def test_other_wrong_fields(field: str, value: Any, code: str) -> None:
    assert refusal({**VALID, field: value}) == {field: code}

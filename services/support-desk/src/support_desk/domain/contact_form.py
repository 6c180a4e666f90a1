"""The contact form ("Məktub yaz") read as a whole: every field checked, every refusal reported."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

from support_desk.domain.email import email_address
from support_desk.domain.fields import (
    FieldError,
    FieldRefusedError,
    imei_list,
    message_text,
    page_language,
    payment_reference,
    person_name,
    refuse,
    subject_slug,
)

FIELDS = frozenset(
    {"first_name", "last_name", "email", "subject", "message", "payment_id", "imeis", "category"}
    | {"language"}
)


@dataclass(frozen=True)
class ContactForm:
    first_name: str
    last_name: str
    email: str
    subject: str
    message: str
    payment_id: str | None = None
    imeis: tuple[str, ...] = ()
    category: str | None = None
    language: str = "az"  # the page's: the ticket's letters are written in it


class ContactFormInvalidError(ValueError):
    def __init__(self, errors: tuple[FieldError, ...]) -> None:
        super().__init__("; ".join(f"{error.field}: {error.en}" for error in errors))
        self.errors = errors


def read_contact_form(raw: Mapping[str, Any], categories: Collection[str]) -> ContactForm:
    """The form's fields as a customer (or the IMEI page, prefilled) sent them."""
    errors: list[FieldError] = [
        FieldError(
            str(name)[:40],
            "unknown_field",
            "This field is not part of the form.",
            "Bu sahə formada yoxdur.",
            "Этого поля нет в форме.",
        )
        for name in raw
        if name not in FIELDS
    ]
    values: dict[str, Any] = {}

    def check(name: str, read: Callable[[object], Any]) -> None:
        try:
            values[name] = read(raw.get(name))
        except FieldRefusedError as refused:
            errors.append(refused.error)

    check("first_name", lambda value: person_name("first_name", value))
    check("last_name", lambda value: person_name("last_name", value))
    check("email", email_address)
    check("subject", subject_slug)
    check("message", message_text)
    check("payment_id", payment_reference)
    check("imeis", imei_list)
    check("category", lambda value: _category(value, categories))
    check("language", page_language)
    if errors:
        raise ContactFormInvalidError(tuple(errors))
    return ContactForm(**values)


def _category(raw: object, categories: Collection[str]) -> str | None:
    if raw is None or raw == "":
        return None
    if not isinstance(raw, str) or raw not in categories:
        raise refuse(
            "category",
            "unknown_category",
            f"Choose one of: {', '.join(sorted(categories))}.",
            f"Bunlardan birini seçin: {', '.join(sorted(categories))}.",
            f"Выберите одно из: {', '.join(sorted(categories))}.",
        )
    return raw

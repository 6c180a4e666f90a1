"""E-mail addresses checked with care: a wrong one is why letters go unanswered (the FAQ)."""

from __future__ import annotations

import re

from support_desk.domain.fields import has_line_break, refuse

_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_LABEL = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")
# Misspellings of the mail providers people in Azerbaijan use most.
TYPOS = {
    "gmial.com": "gmail.com",
    "gmai.com": "gmail.com",
    "gamil.com": "gmail.com",
    "gmail.con": "gmail.com",
    "gmail.cm": "gmail.com",
    "gmail.co": "gmail.com",
    "gmail.ru": "gmail.com",
    "gmal.com": "gmail.com",
    "mail.r": "mail.ru",
    "mail.ry": "mail.ru",
    "maill.ru": "mail.ru",
    "yandex.r": "yandex.ru",
    "yahoo.con": "yahoo.com",
    "yaho.com": "yahoo.com",
    "hotmial.com": "hotmail.com",
    "hotmail.con": "hotmail.com",
    "outlok.com": "outlook.com",
    "outlook.con": "outlook.com",
    "box.a": "box.az",
    "mail.a": "mail.az",
}


def email_address(raw: object, field: str = "email") -> str:
    """One address, `local@domain.tld`; the domain is lower-cased, international domains in ASCII."""
    if not isinstance(raw, str) or not raw.strip():
        raise refuse(
            field,
            "required",
            "Write your e-mail address: the answer will be sent there.",
            "E-poçt ünvanınızı yazın: cavab ora göndəriləcək.",
            "Напишите ваш адрес e-mail: ответ придёт туда.",
        )
    if has_line_break(raw) or any(ord(char) < 32 or ord(char) == 127 for char in raw):
        raise refuse(
            field,
            "header_injection",
            "An e-mail address cannot contain line breaks or control characters.",
            "E-poçt ünvanında sətir keçidi və ya idarəedici simvol ola bilməz.",
            "В адресе e-mail не может быть переносов строк или управляющих символов.",
        )
    address = raw.strip()
    if any(sep in address for sep in ",; <>\t"):
        raise refuse(
            field,
            "one_address_only",
            "Write one address, without spaces, names or commas.",
            "Bir ünvan yazın: boşluq, ad və ya vergül olmadan.",
            "Напишите один адрес, без пробелов, имён и запятых.",
        )
    if address.count("@") != 1:
        raise refuse(
            field,
            "at_sign",
            "An e-mail address has exactly one @, e.g. aysel@example.az.",
            "E-poçt ünvanında bir @ olmalıdır, məsələn aysel@example.az.",
            "В адресе e-mail ровно один знак @, например aysel@example.az.",
        )
    local, domain = address.split("@")
    if not local or len(local) > 64 or not _LOCAL.fullmatch(local):
        raise refuse(
            field,
            "local_part",
            "The part before @ may use Latin letters, digits and . _ - + (no dots at the ends or twice).",
            "@ işarəsindən əvvəlki hissədə latın hərfləri, rəqəmlər və . _ - + ola bilər "
            "(nöqtə əvvəldə, sonda və ya iki dəfə ardıcıl olmaz).",
            "До @ можно использовать латинские буквы, цифры и . _ - + (без точки в начале, "
            "в конце или двух подряд).",
        )
    ascii_domain = _ascii_domain(domain.lower().rstrip("."), field)
    if ascii_domain in TYPOS:
        suggestion = f"{local}@{TYPOS[ascii_domain]}"
        raise refuse(
            field,
            "domain_typo",
            f"Did you mean {suggestion}? Check the part after @.",
            f"{suggestion} nəzərdə tutulub? @ işarəsindən sonrakı hissəni yoxlayın.",
            f"Вы имели в виду {suggestion}? Проверьте часть после @.",
        )
    if len(local) + 1 + len(ascii_domain) > 254:
        raise refuse(
            field,
            "too_long",
            "This address is too long.",
            "Bu ünvan çox uzundur.",
            "Этот адрес слишком длинный.",
        )
    return f"{local}@{ascii_domain}"


def _ascii_domain(domain: str, field: str) -> str:
    bad_domain = refuse(
        field,
        "domain",
        "The part after @ must be a domain such as gmail.com or mail.az.",
        "@ işarəsindən sonrakı hissə gmail.com və ya mail.az kimi domen olmalıdır.",
        "Часть после @ должна быть доменом, например gmail.com или mail.az.",
    )
    try:
        ascii_domain = domain.encode("idna").decode("ascii") if not domain.isascii() else domain
    except UnicodeError:
        raise bad_domain from None
    labels = ascii_domain.split(".")
    if len(ascii_domain) > 253 or len(labels) < 2 or not all(_LABEL.fullmatch(x) for x in labels):
        raise bad_domain
    top = labels[-1]
    if not (top.isalpha() and len(top) >= 2) and not top.startswith("xn--"):
        raise bad_domain
    return ascii_domain

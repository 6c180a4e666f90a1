"""The two forms of the card page: the card itself and the 3-D Secure code."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from sandboxes.bank.card_form import FieldError
from sandboxes.bank.pages import both, error_list, layout, order_summary
from sandboxes.bank.transaction import Transaction

_TEST_CARDS = (
    ("4111 1111 1111 1111", "success"),
    ("4000 0000 0000 9995", "insufficient funds (51)"),
    ("4000 0000 0000 0002", "do not honour (05)"),
    ("4000 0000 0000 0069", "expired card (54)"),
    ("4000 0000 0000 3220", "3-D Secure, code 1234"),
)


def _field(
    name: str, label: tuple[str, str], errors: list[FieldError], value: str, attributes: str
) -> str:
    error = next((e for e in errors if e.field == name), None)
    invalid = f' aria-invalid="true" aria-describedby="{name}-error"' if error else ""
    message = f'<p id="{name}-error" class="error">{both(error.az, error.en)}</p>' if error else ""
    return (
        f'<label for="{name}">{both(*label)}</label>'
        f'<input id="{name}" name="{name}" value="{escape(value, quote=True)}" required'
        f"{attributes}{invalid}>{message}"
    )


def card_form_page(
    transaction: Transaction, errors: list[FieldError], typed: Mapping[str, str]
) -> str:
    """The card form; after a refusal it keeps the expiry and name, never the number or CVV."""
    fields = "".join(
        (
            _field(
                "card_number",
                ("Kartın nömrəsi", "Card number"),
                errors,
                "",
                ' inputmode="numeric" autocomplete="cc-number" maxlength="23"',
            ),
            _field(
                "expiry",
                ("Bitmə tarixi (AA/İİ)", "Expiry (MM/YY)"),
                errors,
                typed.get("expiry", ""),
                ' inputmode="numeric" autocomplete="cc-exp" placeholder="MM/YY" maxlength="7"',
            ),
            _field(
                "cvv",
                ("CVV kodu", "CVV"),
                errors,
                "",
                ' type="password" inputmode="numeric" autocomplete="cc-csc" maxlength="4"',
            ),
            _field(
                "holder",
                ("Kart sahibi", "Cardholder"),
                errors,
                typed.get("holder", ""),
                ' autocomplete="cc-name" maxlength="100"',
            ),
        )
    )
    cards = "".join(
        f"<li><code>{number}</code> — {outcome}</li>" for number, outcome in _TEST_CARDS
    )
    content = (
        f"<h1>{both('Kartla ödəniş', 'Pay by card')}</h1>{order_summary(transaction)}"
        f'{error_list(errors)}<form method="post">{fields}'
        f'<button type="submit">{both("Ödə", "Pay")}</button></form>'
        f'<details class="muted"><summary lang="en">Sandbox test cards</summary>'
        f'<ul lang="en">{cards}</ul></details>'
    )
    return layout(transaction, "Pay by card", content)


def three_ds_page(transaction: Transaction) -> str:
    last4 = escape(transaction.challenge_last4 or "")
    content = (
        f"<h1>{both('3-D Secure təsdiqi', '3-D Secure check')}</h1>{order_summary(transaction)}"
        f"<p>{both('Bankınızın göndərdiyi kodu yazın', 'Enter the code your bank sent you')}"
        f" (•••• {last4}).</p>"
        '<form method="post">'
        f'<label for="code">{both("Təsdiq kodu", "Confirmation code")}</label>'
        '<input id="code" name="code" required inputmode="numeric" autocomplete="one-time-code"'
        ' maxlength="8">'
        f'<button type="submit">{both("Təsdiqlə", "Confirm")}</button></form>'
        '<p class="muted" lang="en">Sandbox: the code is 1234.</p>'
    )
    return layout(transaction, "3-D Secure", content)

"""How the customer knows what they paid for: the service's names and the account as people write it.

Kept on the payment when it is created (from provider-gateway's catalog), so a receipt never asks
the catalog again and still reads the same after the catalog changes.
"""

from __future__ import annotations

from dataclasses import dataclass

NATIONAL_DIGITS = 9


@dataclass(frozen=True)
class ServiceLabel:
    az: str
    en: str
    ru: str
    account_kind: str  # the catalog's AccountKind: phone, landline, digits or text

    def name(self, language: str) -> str:
        return {"az": self.az, "en": self.en, "ru": self.ru}.get(language, self.az)

    def account(self, account: str) -> str:
        return account_as_known(self.account_kind, account)


def account_as_known(kind: str, account: str) -> str:
    """The provider's form of an account as the customer writes it, like the portal's form does:
    +994 50 123 45 67 for a mobile, 012 498 12 34 for a landline, anything else as it is."""
    national = account.isascii() and account.isdigit() and len(account) == NATIONAL_DIGITS
    if kind == "phone" and national:
        return "+994 " + _grouped(account)
    if kind == "landline" and national:
        return "0" + _grouped(account)
    return account


def _grouped(national: str) -> str:
    return f"{national[:2]} {national[2:5]} {national[5:7]} {national[7:]}"

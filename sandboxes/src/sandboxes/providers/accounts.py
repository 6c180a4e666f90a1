"""Sandbox accounts: every plausible account exists except those ending in 404; data is derived.

Holder, balance or debt come from a hash of the account, so the same account always shows the
same person and figures, with no catalog and no stored data.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from sandboxes.providers.codes import ResultCode

PLAUSIBLE_ACCOUNT = re.compile(r"[A-Za-z0-9/-]{1,32}")
MISSING_ACCOUNT_SUFFIX = "404"
MIN_QEPIK = 1
MAX_QEPIK = 1_000_000  # 10 000 AZN: above any catalog limit, so 242 stays reachable in tests

_FIRST_NAMES = ("Aysel", "Elvin", "Leyla", "Rashad", "Nigar", "Tural", "Gunay", "Murad")
_LAST_NAMES = ("Mammadov", "Aliyeva", "Huseynov", "Hasanova", "Guliyev", "Ismayilova")


@dataclass(frozen=True)
class AccountProfile:
    account: str
    holder: str
    balance_qepik: int | None
    debt_qepik: int | None
    min_qepik: int = MIN_QEPIK
    max_qepik: int = MAX_QEPIK


def account_problem(account: str) -> ResultCode | None:
    """Why the provider would refuse this account, or None when it exists."""
    if not PLAUSIBLE_ACCOUNT.fullmatch(account):
        return ResultCode.WRONG_ACCOUNT_FORMAT
    if account.endswith(MISSING_ACCOUNT_SUFFIX):
        return ResultCode.ACCOUNT_NOT_FOUND
    return None


def amount_problem(amount_qepik: int) -> ResultCode | None:
    if amount_qepik < MIN_QEPIK:
        return ResultCode.SUM_TOO_SMALL
    if amount_qepik > MAX_QEPIK:
        return ResultCode.SUM_TOO_LARGE
    return None


def profile_of(account: str) -> AccountProfile:
    digest = hashlib.sha256(account.encode()).digest()
    first = _FIRST_NAMES[digest[0] % len(_FIRST_NAMES)]
    last = _LAST_NAMES[digest[1] % len(_LAST_NAMES)]
    figure = int.from_bytes(digest[2:4], "big") % 20_000  # up to 199.99 AZN
    # Documented for tests (docs/protocols.md): an account ending in an odd digit owes a debt.
    owes = account[-1] in "13579" if account[-1].isdigit() else digest[4] % 2 == 1
    return AccountProfile(
        account=account,
        holder=f"{_mask(first)} {_mask(last)}",
        balance_qepik=None if owes else figure,
        debt_qepik=figure if owes else None,
    )


def _mask(name: str) -> str:
    return f"{name[0]}***"

"""The providers' daily registry: a signed GET (the REST family's scheme), an answer whose own
signature is checked, and its CSV read strictly (docs/protocols.md §2c)."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import time
from datetime import date, datetime
from urllib.parse import urlsplit

import httpx

from contracts.money import Money, MoneyFormatError
from reconciler.domain.registry import RegistryRow
from servicekit.signing import request_signature

COLUMNS = ("txn_id", "prv_txn", "service_id", "account", "sum", "txn_date")
ATTEMPTS = 3


class RegistryUnavailableError(RuntimeError):
    """The providers did not give us a registry we can trust; the job fails and can run again."""


async def fetch_registry(
    client: httpx.AsyncClient, providers_url: str, secret: str, day: date
) -> str:
    url = f"{providers_url.rstrip('/')}/registry/{day.isoformat()}.csv"
    path = urlsplit(url).path
    for attempt in range(ATTEMPTS):
        stamp = int(time.time())
        headers = {
            "X-Api-Key": "portal",
            "X-Timestamp": str(stamp),
            "X-Signature": request_signature(secret, stamp, "GET", path, b""),
        }
        try:
            response = await client.get(url, headers=headers)
        except httpx.HTTPError as error:
            failure = f"providers unreachable: {error!r}"
        else:
            if response.status_code == 200:
                return _verified(response, secret)
            if response.status_code in (401, 403, 404):
                raise RegistryUnavailableError(
                    f"providers refused the registry ({response.status_code}): {response.text[:200]}"
                )
            failure = f"providers answered {response.status_code}"
        await asyncio.sleep(0.5 * 2**attempt)
    raise RegistryUnavailableError(f"{failure} after {ATTEMPTS} attempts")


def _verified(response: httpx.Response, secret: str) -> str:
    """A registry whose signature does not match was changed on the way, or is not theirs."""
    stamp = response.headers.get("X-Timestamp", "")
    message = f"{stamp}.".encode() + response.content
    expected = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, response.headers.get("X-Signature", "")):
        raise RegistryUnavailableError("the registry's signature does not match its content")
    return response.content.decode()


def parse_registry(text: str) -> list[RegistryRow]:
    """Every row, or a ValueError naming the line; the total line must match the rows."""
    lines = [line.split(";") for line in text.splitlines() if line]
    if not lines or tuple(lines[0]) != COLUMNS:
        raise ValueError(f"unexpected registry header: {lines[0] if lines else None!r}")
    if len(lines) < 2 or lines[-1][0] != "total" or len(lines[-1]) != 3:
        raise ValueError("the registry has no total line: it may be cut short")
    rows = []
    for number, fields in enumerate(lines[1:-1], start=2):
        try:
            txn_id, reference, service_id, account, amount, paid_at = fields
            at = datetime.fromisoformat(paid_at)
            if at.tzinfo is None:
                raise ValueError("time without a zone")
            rows.append(RegistryRow(txn_id, reference, service_id, account, _qepik(amount), at))
        except ValueError as error:
            raise ValueError(f"registry line {number}: {error}") from error
    count, total = lines[-1][1], _qepik(lines[-1][2])
    if count != str(len(rows)) or total != sum(row.amount_qepik for row in rows):
        raise ValueError(f"registry total says {count} rows, {lines[-1][2]}; the rows disagree")
    return rows


def _qepik(text: str) -> int:
    """`sum` has exactly two decimals; anything else is refused, never rounded."""
    whole, dot, cents = text.partition(".")
    if not (dot and whole.isdigit() and len(cents) == 2 and cents.isdigit()):
        raise ValueError(f"sum {text!r} is not an amount with two decimals")
    try:
        return Money.azn(text).qepik
    except MoneyFormatError as error:
        raise ValueError(str(error)) from error

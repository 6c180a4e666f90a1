"""The bank's settlement report: a signed GET (docs/protocols.md §1) and its CSV read strictly."""

from __future__ import annotations

import asyncio
import csv
import hashlib
import hmac
import io
import time
from datetime import date, datetime
from urllib.parse import urlsplit

import httpx

from reconciler.domain.settlement import BankRow, Movement

COLUMNS = ("order_id", "bank_reference", "type", "amount_qepik", "currency", "occurred_at")
MERCHANT_ID = "portal"
ATTEMPTS = 3


class SettlementUnavailableError(RuntimeError):
    """The bank did not give us the report; the job fails loudly and can be run again."""


def signed_headers(secret: str, method: str, path: str, body: bytes, now: float) -> dict[str, str]:
    """`X-Signature: hex(HMAC-SHA256(secret, "{timestamp}.{METHOD}.{path}.{body}"))`."""
    timestamp = str(int(now))
    message = f"{timestamp}.{method.upper()}.{path}.".encode() + body
    return {
        "X-Merchant-Id": MERCHANT_ID,
        "X-Timestamp": timestamp,
        "X-Signature": hmac.new(secret.encode(), message, hashlib.sha256).hexdigest(),
    }


async def fetch_report(client: httpx.AsyncClient, bank_url: str, secret: str, day: date) -> str:
    url = f"{bank_url.rstrip('/')}/settlements/{day.isoformat()}.csv"
    path = urlsplit(url).path
    for attempt in range(ATTEMPTS):
        try:
            response = await client.get(
                url, headers=signed_headers(secret, "GET", path, b"", time.time())
            )
        except httpx.HTTPError as error:
            failure = f"bank unreachable: {error!r}"
        else:
            if response.status_code == 200:
                return response.text
            if response.status_code in (401, 403, 404):
                raise SettlementUnavailableError(
                    f"bank refused the report ({response.status_code}): {response.text[:200]}"
                )
            failure = f"bank answered {response.status_code}"
        await asyncio.sleep(0.5 * 2**attempt)
    raise SettlementUnavailableError(f"{failure} after {ATTEMPTS} attempts")


def parse_report(text: str) -> list[BankRow]:
    """Every row, or a ValueError naming the line that is not what the protocol says."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or tuple(header) != COLUMNS:
        raise ValueError(f"unexpected settlement header: {header!r}")
    rows = []
    for line, fields in enumerate(reader, start=2):
        if not fields:
            continue
        try:
            order_id, reference, movement, amount, currency, occurred_at = fields
            if currency != "AZN":
                raise ValueError(f"currency {currency!r}")
            at = datetime.fromisoformat(occurred_at)
            if at.tzinfo is None:
                raise ValueError("time without a zone")
            if int(amount) < 0:
                raise ValueError(f"negative amount {amount}")
            rows.append(BankRow(order_id, reference, Movement(movement), int(amount), at))
        except ValueError as error:
            raise ValueError(f"settlement line {line}: {error}") from error
    return rows

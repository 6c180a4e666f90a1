"""The outside world's books about each payment: the bank's, the providers', MCQS' (their test
controls), read side by side."""

from __future__ import annotations

import asyncio

import httpx

from devstack.chaos.invariants import PaymentFacts
from devstack.chaos.plan import IMEI_SERVICE

LEDGER_READERS = 16


async def read_books(
    sandbox: str, payments: dict[str, PaymentFacts], services: dict[str, str]
) -> None:
    """Fills in what the bank moved and what the provider (MCQS for an IMEI fee) recorded."""
    readers = asyncio.Semaphore(LEDGER_READERS)
    async with httpx.AsyncClient(timeout=30) as client:

        async def read(facts: PaymentFacts) -> None:
            async with readers:
                url = f"{sandbox}/bank/_control/ledger/{facts.payment_id}"
                bank = (await client.get(url)).json()
                facts.bank_debits, facts.bank_refunds = bank["debits"], bank["refunds"]
                facts.activations_recorded = await _activations(
                    client, sandbox, services.get(facts.payment_id), facts.payment_id
                )

        await asyncio.gather(*(read(facts) for facts in payments.values()))


async def _activations(
    client: httpx.AsyncClient, sandbox: str, service_id: str | None, payment_id: str
) -> int:
    if service_id is None:
        return 0
    if service_id == IMEI_SERVICE:
        answer = await client.get(f"{sandbox}/mcqs/_control/ledger/{payment_id}")
        return int(answer.json().get("registrations_recorded", 0)) if answer.is_success else 0
    answer = await client.get(f"{sandbox}/providers/_control/ledger/{service_id}/{payment_id}")
    return int(answer.json()["payments_recorded"]) if answer.status_code == 200 else 0

"""The customers of a chaos run, as their own process: each planned payment is quoted (IMEI),
created through the gateway, paid, declined or abandoned on the bank's card page, with its faults
armed on the way. A refused or lost request is retried with the same Idempotency-Key, as the
portal's page does, so a killed replica costs a retry, not a payment.

`python -m devstack.chaos.driver GATEWAY SANDBOX --payments 200 --seed 7 --rate 4` prints one
JSON line: the payments answered 201 (with their plan's number) and what was armed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
import uuid
from collections import Counter
from typing import Any

import httpx

from devstack.bench.payments_load import CARD
from devstack.chaos.answers import refusal, retryable
from devstack.chaos.controls import Controls
from devstack.chaos.plan import IMEI_SERVICE, PaymentPlan, imei_pair, plan_payments

RETRIES = 30
REORDER_AFTER_SECONDS = 8.0


class Customers:
    def __init__(self, client: httpx.AsyncClient, gateway: str, controls: Controls) -> None:
        self.http = client
        self.gateway = gateway
        self.controls = controls
        self.answered: dict[str, int] = {}
        self.refused: Counter[str] = Counter()
        self.by_service: Counter[str] = Counter()  # payments answered 201
        self.later: list[asyncio.Task[None]] = []

    async def pay(self, plan: PaymentPlan) -> None:
        """One customer; whatever goes wrong on their side is counted, not allowed to stop the run."""
        try:
            await self._pay(plan)
        except httpx.HTTPError as error:
            self.refused[f"customer gave up: {type(error).__name__}"] += 1

    async def _pay(self, plan: PaymentPlan) -> None:
        body = {"service_id": plan.service_id, "account": plan.account, "amount": plan.amount}
        if plan.service_id == IMEI_SERVICE:
            quote = await self.imei_quote(plan.number)
            if quote is None:
                return
            body = quote
        created = await self.send("POST", "/api/payments", json=body, key=uuid.uuid4().hex)
        if created is None or created.status_code != 201:
            self.refused[refusal(plan.service_id, created)] += 1
            return
        payment_id, page_url = created.json()["payment_id"], created.json()["payment_page_url"]
        self.answered[payment_id] = plan.number
        self.by_service[plan.service_id] += 1
        if plan.card is None:
            await self.http.get(page_url)  # looked at the card page, and left
            return
        if plan.provider_fault is not None:
            await self.controls.arm_provider_fault(plan.service_id, plan.provider_fault)
        if plan.callback_fault == "delayed":
            await self.controls.delay_next_callback()
        await self.card_page(page_url, plan.card)
        if plan.callback_fault == "duplicated":
            await self.controls.replay_callback(payment_id, "duplicated")
        elif plan.callback_fault == "reordered":
            self.later.append(asyncio.create_task(self.replay_later(payment_id)))

    async def replay_later(self, payment_id: str) -> None:
        await asyncio.sleep(REORDER_AFTER_SECONDS)
        await self.controls.replay_callback(payment_id, "reordered")

    async def imei_quote(self, number: int) -> dict[str, Any] | None:
        body = {"device_type": "duos", "imeis": imei_pair(number)}
        answer = await self.send("POST", "/api/imei/quotes", json=body)
        if answer is None or answer.status_code != 201:
            self.refused[refusal("imei quote", answer)] += 1
            return None
        payment = answer.json()["payment"]
        return {name: payment[name] for name in ("service_id", "account", "amount")}

    async def send(
        self, method: str, path: str, json: Any, key: str | None = None
    ) -> httpx.Response | None:
        """Retried on a lost answer, a 5xx or a 429, with the same Idempotency-Key each time."""
        headers = {"Idempotency-Key": key} if key else {}
        answer = None
        for _ in range(RETRIES):
            try:
                answer = await self.http.request(
                    method, f"{self.gateway}{path}", json=json, headers=headers
                )
            except httpx.TransportError:
                await asyncio.sleep(0.5)
                continue
            if not retryable(answer):
                return answer
            await asyncio.sleep(float(answer.headers.get("Retry-After", "0.5")))
        return answer

    async def card_page(self, page_url: str, card: str) -> None:
        form = {**CARD, "card_number": card}
        for _ in range(RETRIES):
            try:
                await self.http.get(page_url)
                if (await self.http.post(page_url, data=form)).status_code < 500:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.5)


async def run(gateway: str, sandbox: str, payments: int, seed: int, rate: float) -> dict[str, Any]:
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=50)
    async with httpx.AsyncClient(timeout=30, limits=limits) as client:
        controls = Controls(client, sandbox)
        await controls.hold_service_faults()
        customers = Customers(client, gateway, controls)
        started = time.monotonic()
        arrivals = []
        for plan in plan_payments(seed, payments):
            await asyncio.sleep(max(0.0, started + plan.number / rate - time.monotonic()))
            arrivals.append(asyncio.create_task(customers.pay(plan)))
        await asyncio.gather(*arrivals)
        await asyncio.gather(*customers.later)
    return {
        "answered": customers.answered,
        "refused": dict(customers.refused),
        "by_service": dict(customers.by_service),
        "armed": dict(controls.armed),
        "load_seconds": time.monotonic() - started,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("gateway")
    parser.add_argument("sandbox")
    parser.add_argument("--payments", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rate", type=float, default=4.0, help="payments starting per second")
    arguments = parser.parse_args()
    result = asyncio.run(
        run(
            arguments.gateway, arguments.sandbox, arguments.payments, arguments.seed, arguments.rate
        )
    )
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()

"""The metrics ops read (deploy/observability's dashboard and alerts) come from the running
services and move with what customers do: a paid payment is counted in its states and its debit
→ completion time, the provider's answer and the activation's outcome are counted, and every
consumer reports its lag and every outbox its backlog."""

from __future__ import annotations

import re

import httpx

from devstack.stack import Stack
from tests.e2e.portal import Portal, unique_phone


async def scraped(system: Stack, port_field: str) -> str:
    """Every replica's /metrics, one after the other."""
    async with httpx.AsyncClient(timeout=10) as client:
        pages = [
            (await client.get(f"http://127.0.0.1:{port}/metrics")).text
            for port in system.ports_of(port_field)
        ]
    return "\n".join(pages)


def total(text: str, series: str) -> float:
    """The sum over replicas and labels of the samples whose name and labels start as `series`."""
    return sum(
        float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        if line.startswith(series) and line[len(series) : len(series) + 1] in {",", "}", "{", " "}
    )


async def test_a_paid_payment_moves_the_metrics_ops_watch(portal: Portal, system: Stack) -> None:
    before_checkout = await scraped(system, "checkout")
    before_gateway = await scraped(system, "provider_gateway")
    created = await portal.start_payment("azercell", unique_phone("50"), "1.50")
    await portal.pay_on_bank_page(created["payment_page_url"])
    view = await portal.wait_for_state(created["payment_id"], {"completed"})
    assert view["state"] == "completed", view

    checkout = await scraped(system, "checkout")
    gateway = await scraped(system, "provider_gateway")
    for state in ("initiated", "debited", "completed"):
        series = f'payments_entered_total{{state="{state}"'
        assert total(checkout, series) == total(before_checkout, series) + 1, state
    completions = "payment_debit_to_completion_seconds_count"
    assert total(checkout, completions) == total(before_checkout, completions) + 1
    paid = 'provider_calls_total{answer="completed",call="pay",service="azercell"'
    assert total(gateway, paid) >= total(before_gateway, paid) + 1
    activated = 'activation_outcomes_total{outcome="activated",service="azercell"'
    assert total(gateway, activated) == total(before_gateway, activated) + 1
    assert "provider_breaker_open" in gateway

    for text in (checkout, gateway):
        assert re.search(r'^consumer_lag_events\{group="[a-z-]+",partition="\d",topic=', text, re.M)
        assert re.search(r'^outbox_backlog_events\{outbox="[a-z_]+"\} \d', text, re.M)
        assert re.search(r'^outbox_oldest_unsent_seconds\{outbox="[a-z_]+"\} \d', text, re.M)

"""`reconciler three-way`: the bank's settlement ↔ our events ↔ the providers' registry, one day.

Each finding is one `mismatch-detected` whose id derives from payment and kind (and the day, for
the bank's kinds, as the settlement job does); findings already on `reconciliation.v1` are not
sent again, so a rerun sends nothing new.
"""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, date, datetime, timedelta

import httpx

from contracts.envelope import Envelope
from contracts.events import MismatchDetected, TrailEntry
from contracts.ids import is_id
from contracts.money import Money
from contracts.topics import Topic
from reconciler.alerts import SOURCE, derived_event_id
from reconciler.config import Settings
from reconciler.domain.registry import ProviderFinding, RegistryRow, compare_registry
from reconciler.domain.settlement import BankRow, bank_totals, compare, debited_twice
from reconciler.settle.bank import fetch_report, parse_report
from reconciler.settle.job import LOOKBACK, READ_TIMEOUT_SECONDS, _send, mismatch_event
from reconciler.settle.ours import OurDay, read_our_day
from reconciler.settle.provider import RegistryUnavailableError, fetch_registry, parse_registry
from reconciler.settle.report import Finding, ThreeWayResult, from_bank, from_provider

TOPICS = (Topic.PAYMENTS, Topic.ACTIVATIONS, Topic.RECONCILIATION)


async def three_way(settings: Settings, day: date, *, send: bool = True) -> ThreeWayResult:
    provider_secret = settings.provider_secret.get_secret_value()
    async with httpx.AsyncClient(timeout=settings.bank_timeout_seconds, trust_env=False) as client:
        bank_report = await fetch_report(
            client, settings.bank_url, settings.bank_merchant_secret.get_secret_value(), day
        )
        registry = parse_registry(
            await fetch_registry(client, settings.providers_url, provider_secret, day)
        )
        next_day: list[RegistryRow] = []
        with contextlib.suppress(RegistryUnavailableError, ValueError):  # not published yet
            next_day = parse_registry(
                await fetch_registry(
                    client, settings.providers_url, provider_secret, day + timedelta(days=1)
                )
            )
    bank_rows = parse_report(bank_report)
    async with asyncio.timeout(READ_TIMEOUT_SECONDS):
        ours = await read_our_day(settings.kafka_bootstrap, day, LOOKBACK, TOPICS)
    now = datetime.now(UTC)
    findings = _findings(day, bank_rows, registry, next_day, ours, now)
    fresh = [event for _, event in findings if event is not None and event.id not in ours.reported]
    if send and fresh:
        await _send(settings.kafka_bootstrap, fresh)
    return ThreeWayResult(
        day=day,
        bank_rows=len(bank_rows),
        registry_rows=len(registry),
        our_payments=len(ours.settled),
        our_activations=sum(1 for a in ours.activations.values() if a.at.date() == day),
        findings=[finding for finding, _ in findings],
        sent=fresh if send else [],
        already_reported=sum(
            1 for _, event in findings if event is not None and event.id in ours.reported
        ),
        unreportable=[finding.payment_id for finding, event in findings if event is None],
    )


def _findings(
    day: date,
    bank_rows: list[BankRow],
    registry: list[RegistryRow],
    next_day: list[RegistryRow],
    ours: OurDay,
    now: datetime,
) -> list[tuple[Finding, Envelope | None]]:
    """Each finding with all three sides' amounts, and its event (None for a stranger's id)."""
    found: list[tuple[Finding, Envelope | None]] = []
    at_bank = bank_totals(bank_rows)
    at_provider = {row.txn_id: row.amount_qepik for row in registry}
    for differs in compare(at_bank, ours.settled, ours.known, debited_twice(bank_rows)):
        event = mismatch_event(differs, bank_rows, ours, day, now)
        finding = from_bank(differs, ours, at_provider.get(differs.order_id))
        found.append((finding, event if is_id("pay", differs.order_id) else None))
    for provided in compare_registry(day, registry, ours.activations, next_day):
        event = provider_event(provided, registry, ours, now)
        finding = from_provider(provided, at_bank.get(provided.payment_id))
        found.append((finding, event if is_id("pay", provided.payment_id) else None))
    return found


def provider_event(
    found: ProviderFinding, registry: list[RegistryRow], ours: OurDay, now: datetime
) -> Envelope:
    """Our facts and events for the payment, and the provider's line, for whoever opens the case."""
    payment = ours.payments.get(found.payment_id)
    lines = [row for row in registry if row.txn_id == found.payment_id]
    trail = [
        *(payment.trail if payment else ()),
        *(
            TrailEntry(
                event_id=row.provider_reference or row.txn_id,
                type=f"provider-registry {Money(qepik=row.amount_qepik)}",
                time=row.at,
            )
            for row in lines
        ),
    ]
    event = MismatchDetected(
        payment_id=found.payment_id,
        kind=found.kind,
        service_id=found.service_id,
        account=payment.account if payment else (lines[0].account if lines else None),
        debited=payment.card_total if payment else None,
        debited_at=payment.debited_at if payment else None,
        activated=None if found.ours is None else Money(qepik=found.ours),
        at_provider=None if found.at_provider is None else Money(qepik=found.at_provider),
        trail=tuple(sorted(trail, key=lambda entry: entry.time)),
        detected_at=now,
        customer_email=payment.customer_email if payment else None,
        language=payment.language if payment else None,
    )
    return Envelope.wrap(
        event,
        event_id=derived_event_id(found.payment_id, found.kind.value, "registry"),
        source=SOURCE,
        time=now,
        correlation_id=found.payment_id,
    )

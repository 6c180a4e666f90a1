"""A card was debited: record the activation (once per payment) and start paying the provider."""

from __future__ import annotations

from datetime import timedelta

from contracts.events import CardDebited
from provider_gateway.domain.activation import ActivationState, Call
from provider_gateway.domain.catalog import Catalog, ProtocolFamily
from provider_gateway.domain.outcomes import ActivationJob
from provider_gateway.handlers.clock import Clock
from provider_gateway.handlers.records import ActivationRecords
from provider_gateway.handlers.runner import UNKNOWN_SERVICE_CODE, ActivationRunner


async def activate_debited_payment(
    debited: CardDebited,
    correlation_id: str | None,
    *,
    catalog: Catalog,
    records: ActivationRecords,
    runner: ActivationRunner,
    clock: Clock,
    deadline: timedelta,
) -> None:
    """Returns at once; the activation runs as its own task. The deadline counts from now, not
    from the debit, so a consumer that was away still gives the provider its full time."""
    job = ActivationJob(
        payment_id=debited.payment_id,
        service_id=debited.service_id,
        account=debited.account,
        amount_qepik=debited.amount.qepik,
        deadline_at=clock.now() + deadline,
        correlation_id=correlation_id,
    )
    service = catalog.service(debited.service_id)
    if service is None:
        reason = f"The service {debited.service_id!r} is not in the catalog."
        await records.refuse_at_once(job, UNKNOWN_SERVICE_CODE, reason)
        return
    if service.protocol is ProtocolFamily.IMEI:
        return  # imei-registry is this service's provider and activates it
    if await records.open(job):
        runner.start(job)
        return
    # Seen before. Still in progress but not running here: an earlier run stopped before the end.
    existing = await records.find(job.payment_id)
    if (
        existing is not None
        and existing["state"] == ActivationState.IN_PROGRESS.value
        and not runner.is_running(job.payment_id)
    ):
        resumed = ActivationJob(
            payment_id=job.payment_id,
            service_id=existing["service_id"],
            account=existing["account"],
            amount_qepik=existing["amount_qepik"],
            deadline_at=existing["deadline_at"],
            first_call=Call.STATUS,
            correlation_id=existing.get("correlation_id"),
        )
        runner.start(resumed)

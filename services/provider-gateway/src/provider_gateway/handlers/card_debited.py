"""A card was debited: record the activation (once per payment) and start paying the provider."""

from __future__ import annotations

from datetime import timedelta

from contracts.events import CardDebited
from provider_gateway.adapters.activation_repository import ActivationRepository
from provider_gateway.domain.activation import open_activation, refused_at_once
from provider_gateway.domain.catalog import Catalog, ProtocolFamily
from provider_gateway.domain.outcomes import ActivationJob, failed_result
from provider_gateway.domain.states import ActivationState
from provider_gateway.handlers.clock import Clock
from provider_gateway.handlers.runner import UNKNOWN_SERVICE_CODE, ActivationRunner


async def activate_debited_payment(
    debited: CardDebited,
    correlation_id: str | None,
    *,
    catalog: Catalog,
    activations: ActivationRepository,
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
        refused = failed_result(job, UNKNOWN_SERVICE_CODE, reason)
        await activations.add(refused_at_once(job, refused, clock.now()))
        return
    if service.protocol is ProtocolFamily.IMEI:
        return  # imei-registry is this service's provider and activates it
    if await activations.add(open_activation(job, clock.now())):
        runner.start(job)
        return
    # Seen before. Still in progress but not running here: an earlier run stopped before the end.
    existing = await activations.get(job.payment_id)
    if (
        existing is not None
        and existing.state is ActivationState.IN_PROGRESS
        and not runner.is_running(job.payment_id)
    ):
        runner.start(existing.resumed_job())

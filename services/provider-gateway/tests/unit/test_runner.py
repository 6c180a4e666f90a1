"""Activations run as their own tasks: the caller never waits, and nothing known is lost."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from provider_gateway.domain.activation import ActivationState, RetryPolicy
from provider_gateway.domain.breaker import Breakers
from provider_gateway.domain.catalog import Catalog, ProtocolFamily
from provider_gateway.domain.outcomes import ActivationJob, ActivationResult
from provider_gateway.handlers.activator import Activator
from provider_gateway.handlers.providers import Providers
from provider_gateway.handlers.runner import ActivationRunner

from .fakes import FakeClock, FakeProvider


class FakeRecords:
    """Stands in for the activations collection; can fail its first writes like a lost database."""

    def __init__(self, failures_before_success: int = 0) -> None:
        self.finished: dict[str, ActivationResult] = {}
        self.failures_left = failures_before_success
        self.left_in_progress: list[ActivationJob] = []

    async def finish(self, job: ActivationJob, result: ActivationResult) -> bool:
        if self.failures_left:
            self.failures_left -= 1
            raise ConnectionError("database away")
        self.finished[job.payment_id] = result
        return True

    async def unfinished(self) -> list[ActivationJob]:
        return self.left_in_progress


def job(clock: FakeClock, number: int, service_id: str = "azercell") -> ActivationJob:
    payment_id = f"pay_01jz3k7m2x9q8r5t4v6w0y1z{number:02d}"
    return ActivationJob(
        payment_id, service_id, "501234567", 500, clock.now() + timedelta(minutes=5)
    )


def runner_for(catalog: Catalog, provider: FakeProvider, records: FakeRecords) -> ActivationRunner:
    providers = Providers(
        dict.fromkeys(ProtocolFamily, provider), Breakers(5, timedelta(seconds=30))
    )
    policy = RetryPolicy(timedelta(minutes=5), 0.5, 30)
    activator = Activator(providers, policy, provider.clock, lambda: 0.0)
    return ActivationRunner(catalog, activator, records, provider.clock)  # type: ignore[arg-type]


async def test_start_returns_at_once_and_each_payment_runs_once(catalog: Catalog) -> None:
    clock = FakeClock()
    provider, records = FakeProvider(clock, pending_answers=3), FakeRecords()
    runner = runner_for(catalog, provider, records)
    first = job(clock, 1)
    assert runner.start(first)
    assert not runner.start(first)  # already running here
    assert runner.is_running(first.payment_id)
    await runner.wait_idle()
    assert records.finished[first.payment_id].state is ActivationState.ACTIVATED
    assert runner.running == 0


async def test_stopping_cancels_what_runs_and_refuses_new_starts(catalog: Catalog) -> None:
    clock = FakeClock()
    provider, records = FakeProvider(clock, always_down=True), FakeRecords()
    runner = runner_for(catalog, provider, records)
    runner.start(job(clock, 1))
    await asyncio.sleep(0)
    await runner.stop()
    assert runner.running == 0 and records.finished == {}  # stays in progress: resumed next start
    assert not runner.start(job(clock, 2))


async def test_a_known_outcome_is_stored_even_if_the_database_was_away(catalog: Catalog) -> None:
    clock = FakeClock()
    provider, records = FakeProvider(clock), FakeRecords(failures_before_success=3)
    runner = runner_for(catalog, provider, records)
    runner.start(job(clock, 1))
    await runner.wait_idle()
    assert len(records.finished) == 1
    assert provider.operations() == ["pay"]  # the provider was not asked again
    assert clock.slept == [1.0, 2.0, 4.0]


async def test_resuming_starts_what_an_earlier_run_left(catalog: Catalog) -> None:
    clock = FakeClock()
    provider, records = FakeProvider(clock), FakeRecords()
    records.left_in_progress = [job(clock, 1), job(clock, 2, "no-longer-sold")]
    runner = runner_for(catalog, provider, records)
    await runner.resume_unfinished()
    await runner.wait_idle()
    outcomes = {result.code for result in records.finished.values()}
    assert outcomes == {"0", "unknown_service"}


async def test_many_activations_run_side_by_side(catalog: Catalog) -> None:
    count = 20
    clock = FakeClock()
    provider, records = FakeProvider(clock, pending_answers=count), FakeRecords()
    runner = runner_for(catalog, provider, records)
    for number in range(count):
        runner.start(job(clock, number))
    assert runner.running == count
    await runner.wait_idle()
    assert len(records.finished) == count == len(provider.payments)

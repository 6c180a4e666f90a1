"""Activations run as their own tasks: the caller never waits, and nothing known is lost."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from contracts.events import ActivationFailed, ActivationUnknown, ProviderActivated
from provider_gateway.domain.activation import Activation, open_activation
from provider_gateway.domain.breaker import Breakers
from provider_gateway.domain.calls import RetryPolicy
from provider_gateway.domain.catalog import Catalog, ProtocolFamily
from provider_gateway.domain.outcomes import ActivationJob
from provider_gateway.domain.schedule import CheckSchedule
from provider_gateway.domain.states import ActivationState
from provider_gateway.handlers.activator import Activator
from provider_gateway.handlers.providers import Providers
from provider_gateway.handlers.recording import ActivationRecorder
from provider_gateway.handlers.runner import ActivationRunner

from .fake_repository import FakeActivationRepository
from .fakes import FakeClock, FakeProvider


def job(clock: FakeClock, number: int, service_id: str = "azercell") -> ActivationJob:
    payment_id = f"pay_01jz3k7m2x9q8r5t4v6w0y1z{number:02d}"
    return ActivationJob(
        payment_id, service_id, "501234567", 500, clock.now() + timedelta(minutes=5)
    )


def runner_for(
    catalog: Catalog, provider: FakeProvider, repository: FakeActivationRepository
) -> ActivationRunner:
    providers = Providers(
        dict.fromkeys(ProtocolFamily, provider), Breakers(5, timedelta(seconds=30))
    )
    policy = RetryPolicy(timedelta(minutes=5), 0.5, 30)
    recorder = ActivationRecorder(repository, provider.clock, CheckSchedule((60, 300)))
    activator = Activator(providers, policy, provider.clock, lambda: 0.0, recorder.note_answer)
    return ActivationRunner(catalog, activator, recorder, provider.clock)


async def opened(repository: FakeActivationRepository, job: ActivationJob) -> ActivationJob:
    """The job with its activation stored, as the card-debited handler leaves it."""
    assert await repository.add(open_activation(job, datetime(2025, 6, 1, tzinfo=UTC)))
    return job


def finished(repository: FakeActivationRepository) -> dict[str, Activation]:
    return {
        payment_id: activation
        for payment_id, activation in repository.stored.items()
        if activation.state.is_terminal()
    }


async def test_start_returns_at_once_and_each_payment_runs_once(catalog: Catalog) -> None:
    clock = FakeClock()
    provider, repository = FakeProvider(clock, pending_answers=3), FakeActivationRepository()
    runner = runner_for(catalog, provider, repository)
    first = await opened(repository, job(clock, 1))
    assert runner.start(first)
    assert not runner.start(first)  # already running here
    assert runner.is_running(first.payment_id)
    await runner.wait_idle()
    activation = repository.stored[first.payment_id]
    assert activation.state is ActivationState.ACTIVATED
    assert activation.calls == 3  # the pending answers were noted on the way
    assert [type(event) for event in repository.published] == [ProviderActivated]
    assert runner.running == 0


async def test_stopping_cancels_what_runs_and_refuses_new_starts(catalog: Catalog) -> None:
    clock = FakeClock()
    provider, repository = FakeProvider(clock, always_down=True), FakeActivationRepository()
    runner = runner_for(catalog, provider, repository)
    runner.start(await opened(repository, job(clock, 1)))
    await asyncio.sleep(0)
    await runner.stop()
    assert runner.running == 0 and finished(repository) == {}  # resumed at the next start
    assert not runner.start(job(clock, 2))


async def test_a_known_outcome_is_stored_even_if_the_database_was_away(catalog: Catalog) -> None:
    clock = FakeClock()
    provider = FakeProvider(clock)
    repository = FakeActivationRepository(failures_before_success=3)
    runner = runner_for(catalog, provider, repository)
    runner.start(await opened(repository, job(clock, 1)))
    await runner.wait_idle()
    assert len(finished(repository)) == 1
    assert provider.operations() == ["pay"]  # the provider was not asked again
    assert clock.slept == [1.0, 2.0, 4.0]


async def test_resuming_starts_what_an_earlier_run_left(catalog: Catalog) -> None:
    clock = FakeClock()
    provider, repository = FakeProvider(clock), FakeActivationRepository()
    await opened(repository, job(clock, 1))
    await opened(repository, job(clock, 2, "no-longer-sold"))
    runner = runner_for(catalog, provider, repository)
    await runner.resume_unfinished()
    await runner.wait_idle()
    outcomes = {activation.provider_code for activation in finished(repository).values()}
    assert outcomes == {"0", "unknown_service"}
    assert sorted(type(event).__name__ for event in repository.published) == [
        ActivationFailed.__name__,
        ProviderActivated.__name__,
    ]


async def test_a_second_outcome_of_a_finished_activation_is_not_stored(catalog: Catalog) -> None:
    clock = FakeClock()
    provider, repository = FakeProvider(clock), FakeActivationRepository()
    runner = runner_for(catalog, provider, repository)
    first = await opened(repository, job(clock, 1))
    runner.start(first)
    await runner.wait_idle()
    runner.start(first)  # as another replica that resumed it would
    await runner.wait_idle()
    assert [type(event) for event in repository.published] == [ProviderActivated]


async def test_a_run_that_hears_the_answer_after_another_reported_unknown_stores_it(
    catalog: Catalog,
) -> None:
    clock = FakeClock()
    provider, repository = FakeProvider(clock), FakeActivationRepository()
    runner = runner_for(catalog, provider, repository)
    first = await opened(repository, job(clock, 1))
    told_unknown = repository.stored[first.payment_id].become_unknown(
        "no answer", clock.now(), clock.now()
    )
    repository._store(told_unknown)  # by the other replica, at its deadline
    runner.start(first)
    await runner.wait_idle()
    assert repository.stored[first.payment_id].state is ActivationState.ACTIVATED
    assert [type(event) for event in repository.published] == [ActivationUnknown, ProviderActivated]


async def test_many_activations_run_side_by_side(catalog: Catalog) -> None:
    count = 20
    clock = FakeClock()
    provider, repository = FakeProvider(clock, pending_answers=count), FakeActivationRepository()
    runner = runner_for(catalog, provider, repository)
    for number in range(count):
        runner.start(await opened(repository, job(clock, number)))
    assert runner.running == count
    await runner.wait_idle()
    assert len(finished(repository)) == count == len(provider.payments)

"""An outcome unknown at the deadline is never refunded on silence: the provider is asked again on
the schedule until it tells, and after the last check a person decides."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import timedelta

import pytest

from contracts.events import ActivationFailed, ActivationUnknown, ProviderActivated
from provider_gateway.domain.activation import open_activation
from provider_gateway.domain.breaker import Breakers
from provider_gateway.domain.catalog import Catalog, ProtocolFamily
from provider_gateway.domain.outcomes import ActivationJob
from provider_gateway.domain.schedule import CheckSchedule
from provider_gateway.domain.states import ActivationState
from provider_gateway.handlers.providers import Providers
from provider_gateway.handlers.unknown_checks import UnknownOutcomeChecks

from .fake_repository import FakeActivationRepository
from .fakes import FakeClock, FakeProvider
from .test_runner import job, runner_for

SCHEDULE = CheckSchedule((60, 300, 1800, 7200, 43200, 86400))


@dataclass
class Rig:
    catalog: Catalog
    clock: FakeClock
    provider: FakeProvider
    repository: FakeActivationRepository
    job: ActivationJob

    def checks(self) -> UnknownOutcomeChecks:
        """One replica's checks: its own breakers, the shared database and provider."""
        adapters = dict.fromkeys(ProtocolFamily, self.provider)
        providers = Providers(adapters, Breakers(5, timedelta(seconds=30)))
        return UnknownOutcomeChecks(self.catalog, providers, self.repository, SCHEDULE, self.clock)

    def state(self) -> ActivationState:
        return self.repository.stored[self.job.payment_id].state

    def told(self) -> list[type[object]]:
        return [type(event) for event in self.repository.published]


@pytest.fixture
async def rig(catalog: Catalog) -> Rig:
    """An activation whose provider still said "pending" at the deadline, as the runner left it."""
    clock = FakeClock()
    provider = FakeProvider(clock, pending_answers=1000)
    repository = FakeActivationRepository()
    runner = runner_for(catalog, provider, repository)
    first = job(clock, 1)
    assert await repository.add(open_activation(first, clock.now()))
    runner.start(first)
    await runner.wait_idle()
    return Rig(catalog, clock, provider, repository, first)


async def test_the_deadline_makes_it_unknown_and_nothing_is_refunded(rig: Rig) -> None:
    activation = rig.repository.stored[rig.job.payment_id]
    assert activation.state is ActivationState.UNKNOWN
    assert rig.told() == [ActivationUnknown]  # no activation-failed: checkout refunds nothing
    assert activation.next_check_at == activation.unknown_since + timedelta(minutes=1)


async def test_nothing_is_asked_before_the_next_check_is_due(rig: Rig) -> None:
    asked = len(rig.provider.calls)
    rig.clock.advance(59)
    assert await rig.checks().check_due() == 0
    assert len(rig.provider.calls) == asked


async def test_a_later_completion_activates_it(rig: Rig) -> None:
    rig.provider.pending_answers = 0
    rig.clock.advance(60)
    assert await rig.checks().check_due() == 1
    assert rig.state() is ActivationState.ACTIVATED
    assert rig.told() == [ActivationUnknown, ProviderActivated]
    assert rig.provider.operations().count("pay") == 1


async def test_a_provider_that_never_received_it_fails_it_without_a_late_pay(rig: Rig) -> None:
    rig.provider.payments.clear()  # the pay never arrived
    rig.clock.advance(60)
    await rig.checks().check_due()
    assert rig.state() is ActivationState.FAILED
    assert rig.told() == [ActivationUnknown, ActivationFailed]
    assert rig.provider.operations()[-1] == "status" and rig.provider.payments == {}


async def test_checks_follow_the_schedule_then_leave_it_to_a_person(
    rig: Rig, caplog: pytest.LogCaptureFixture
) -> None:
    checks, asked_before = rig.checks(), len(rig.provider.calls)
    with caplog.at_level(logging.WARNING):
        for wait in SCHEDULE.waits_seconds:
            rig.clock.advance(wait - 1)
            assert await checks.check_due() == 0  # not yet
            rig.clock.advance(1)
            assert await checks.check_due() == 1
        rig.clock.advance(365 * 86400)
        assert await checks.check_due() == 0
    activation = rig.repository.stored[rig.job.payment_id]
    assert activation.waits_for_a_person and activation.checks == 6
    assert len(rig.provider.calls) - asked_before == 6
    assert rig.told() == [ActivationUnknown]  # never refunded on silence
    assert "still unknown after 6 checks" in caplog.text and "waits for a person" in caplog.text


async def test_two_replicas_sweeping_at_once_ask_once(rig: Rig) -> None:
    rig.provider.pending_answers = 0
    asked_before = len(rig.provider.calls)
    rig.clock.advance(60)
    asked = await asyncio.gather(*(rig.checks().check_due() for _ in range(4)))
    assert sorted(asked) == [0, 0, 0, 1]
    assert len(rig.provider.calls) - asked_before == 1
    assert rig.told() == [ActivationUnknown, ProviderActivated]


async def test_an_unavailable_provider_uses_a_check_and_sets_the_next(rig: Rig) -> None:
    rig.provider.always_down = True
    rig.clock.advance(60)
    await rig.checks().check_due()
    activation = rig.repository.stored[rig.job.payment_id]
    assert (activation.state, activation.checks) == (ActivationState.UNKNOWN, 1)
    assert activation.next_check_at == rig.clock.now() + timedelta(minutes=5)
    assert "unavailable" in (activation.last_answer or "")

"""Activation against an in-memory provider on a fake clock: never two payments, always an end."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import timedelta

import pytest

from provider_gateway.adapters.base import AccountNotFoundError
from provider_gateway.domain.breaker import Breakers
from provider_gateway.domain.calls import Answer, Call, RetryPolicy
from provider_gateway.domain.catalog import Catalog, ProtocolFamily, Service
from provider_gateway.domain.outcomes import ActivationJob, ActivationResult
from provider_gateway.domain.states import ActivationState
from provider_gateway.handlers.activator import Activator
from provider_gateway.handlers.providers import Providers

from .fakes import FakeClock, FakeProvider, Fault

PAYMENT = "pay_01jz3k7m2x9q8r5t4v6w0y1z2a"


@dataclass
class Rig:
    clock: FakeClock
    provider: FakeProvider
    activator: Activator
    service: Service
    noted: list[tuple[Call, Answer]] = field(default_factory=list)

    def job(self, *, deadline: float = 300, first_call: Call = Call.PAY) -> ActivationJob:
        deadline_at = self.clock.now() + timedelta(seconds=deadline)
        return ActivationJob(PAYMENT, self.service.id, "501234567", 1050, deadline_at, first_call)

    async def activate(
        self, *, deadline: float = 300, first_call: Call = Call.PAY
    ) -> ActivationResult:
        job = self.job(deadline=deadline, first_call=first_call)
        return await self.activator.activate(job, self.service)


@pytest.fixture
def rig(catalog: Catalog) -> Rig:
    clock = FakeClock()
    provider = FakeProvider(clock)
    adapters = {ProtocolFamily.OSMP: provider, ProtocolFamily.REST: provider}
    providers = Providers(adapters, Breakers(5, timedelta(seconds=30)))
    policy = RetryPolicy(timedelta(seconds=300), 0.5, 30)
    service = catalog.service("azercell")
    assert service is not None
    noted: list[tuple[Call, Answer]] = []

    async def note(_job: ActivationJob, call: Call, answer: Answer, _text: str) -> None:
        noted.append((call, answer))

    activator = Activator(providers, policy, clock, lambda: 0.5, note)
    return Rig(clock, provider, activator, service, noted)


async def test_a_provider_that_answers_activates_with_one_payment(rig: Rig) -> None:
    result = await rig.activate()
    assert result.state is ActivationState.ACTIVATED
    assert result.provider_reference == f"PRV-{PAYMENT[-6:]}"
    assert result.amount_qepik == 1050
    assert rig.provider.operations() == ["pay"]
    assert rig.provider.payments == {PAYMENT: 1050}
    assert rig.provider.paid_accounts == {PAYMENT: "501234567"}
    assert rig.provider.calls[0][1] == "azercell"


async def test_a_lost_answer_is_resolved_by_status_not_by_paying_again(rig: Rig) -> None:
    rig.provider.pay_faults.append(Fault.LOST_ANSWER)
    result = await rig.activate()
    assert result.state is ActivationState.ACTIVATED
    assert rig.provider.operations() == ["pay", "status"]
    assert len(rig.provider.payments) == 1


async def test_a_pay_that_never_arrived_is_sent_again_after_status_says_not_found(rig: Rig) -> None:
    rig.provider.pay_faults.append(Fault.DOWN)
    result = await rig.activate()
    assert result.state is ActivationState.ACTIVATED
    assert rig.provider.operations() == ["pay", "status", "pay"]
    assert rig.noted == [(Call.PAY, Answer.UNAVAILABLE), (Call.STATUS, Answer.NOT_FOUND)]


async def test_pending_is_polled_with_growing_jittered_waits(rig: Rig) -> None:
    rig.provider.pending_answers = 4
    result = await rig.activate()
    assert result.state is ActivationState.ACTIVATED
    assert rig.provider.operations() == ["pay", "status", "status", "status", "status"]
    assert rig.clock.slept == [0.75, 1.5, 3.0, 6.0]  # random 0.5: three quarters of each ceiling


async def test_a_rejection_is_final_with_the_providers_code(rig: Rig) -> None:
    rig.provider.reject_code = "7"
    result = await rig.activate()
    assert result.state is ActivationState.FAILED
    assert result.code == "7"
    assert result.reason.startswith("The provider does not allow payments")
    assert rig.provider.operations() == ["pay"]


async def test_an_unknown_account_at_pay_time_fails_for_good(rig: Rig) -> None:
    async def no_such_account(*_: object) -> None:
        raise AccountNotFoundError("no such account")

    rig.provider.pay = no_such_account  # type: ignore[assignment, method-assign]
    result = await rig.activate()
    assert (result.state, result.code) == (ActivationState.FAILED, "5")


async def test_a_dead_provider_leaves_the_outcome_unknown_without_being_hammered(rig: Rig) -> None:
    rig.provider.always_down = True
    started = rig.clock.now()
    result = await rig.activate(deadline=120)
    assert result.state is ActivationState.UNKNOWN  # not failed: the pay may have gone through
    assert "unavailable" in result.reason
    assert rig.clock.now() - started <= timedelta(seconds=121)
    calls = [at for _, _, at in rig.provider.calls]
    # Five failures open the breaker; afterwards one probe per 30 s cool-down, plus a last look.
    assert len(calls) <= 5 + 4 + 1
    after_opening = [at for at in calls[5:] if at < started + timedelta(seconds=120)]
    gaps = [later - earlier for earlier, later in itertools.pairwise(after_opening)]
    assert all(gap >= timedelta(seconds=30) for gap in gaps)


async def test_a_providers_retry_after_is_honoured(rig: Rig) -> None:
    rig.provider.retry_after = 20
    rig.provider.pay_faults.append(Fault.DOWN)
    await rig.activate()
    assert rig.clock.slept == [20]


async def test_a_resumed_activation_asks_before_it_pays(rig: Rig) -> None:
    rig.provider.payments[PAYMENT] = 1050  # the earlier run's pay went through
    result = await rig.activate(first_call=Call.STATUS)
    assert result.state is ActivationState.ACTIVATED
    assert rig.provider.operations() == ["status"]


async def test_an_activation_resumed_after_its_deadline_still_takes_a_last_look(rig: Rig) -> None:
    rig.provider.payments[PAYMENT] = 1050
    result = await rig.activate(deadline=-60, first_call=Call.STATUS)
    assert result.state is ActivationState.ACTIVATED
    assert rig.provider.operations() == ["status"]


async def test_a_pending_payment_at_the_deadline_is_unknown_not_failed(rig: Rig) -> None:
    rig.provider.pending_answers = 1000
    result = await rig.activate(deadline=60)
    assert (result.state, result.reason) == (ActivationState.UNKNOWN, "status: pending 90")
    assert rig.provider.payments == {PAYMENT: 1050}  # paid once; the provider is still working


async def test_the_deadline_with_a_never_seen_payment_fails_without_a_late_pay(rig: Rig) -> None:
    result = await rig.activate(deadline=-1)
    assert (result.state, result.code) == (ActivationState.FAILED, "deadline_exceeded")
    assert rig.provider.operations() == ["status"]
    assert rig.provider.payments == {}

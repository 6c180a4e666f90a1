"""What the running activations write down: each provider answer, and the one outcome."""

from __future__ import annotations

from provider_gateway.adapters.activation_repository import ActivationRepository
from provider_gateway.domain.activation import Activation
from provider_gateway.domain.calls import Answer, Call
from provider_gateway.domain.outcomes import ActivationJob, ActivationResult
from provider_gateway.domain.schedule import CheckSchedule
from provider_gateway.domain.states import ActivationState
from provider_gateway.handlers.clock import Clock


class ActivationRecorder:
    def __init__(
        self, repository: ActivationRepository, clock: Clock, schedule: CheckSchedule
    ) -> None:
        self._repository = repository
        self._clock = clock
        self._schedule = schedule

    async def unfinished(self) -> list[ActivationJob]:
        """Activations a previous run left in progress; they resume by asking `status` first."""
        left = await self._repository.in_state(ActivationState.IN_PROGRESS)
        return [activation.resumed_job() for activation in left]

    async def note_answer(
        self, job: ActivationJob, call: Call, answer: Answer, description: str
    ) -> None:
        """Once another replica finished the activation there is nothing to note."""
        async with self._repository.lock(job.payment_id):
            activation = await self._repository.get(job.payment_id)
            if activation is None or activation.state is not ActivationState.IN_PROGRESS:
                return
            noted = activation.note_answer(call, answer, description, self._clock.now())
            await self._repository.save(activation, noted)

    async def finish(self, job: ActivationJob, result: ActivationResult) -> bool:
        """Stores how the run ended and its event in one write; False if another run ended it.

        Two replicas may run the same activation (both resume it at start); the write is guarded
        by the state read, so only one `provider-activated` or `activation-failed`, and at most
        one `activation-unknown` before it, is ever emitted. A final answer heard by a run that
        ended after the other replica reported the activation unknown is still stored."""
        async with self._repository.lock(job.payment_id):
            activation = await self._repository.get(job.payment_id)
            if activation is None or activation.state.is_terminal():
                return False
            if activation.state is ActivationState.UNKNOWN and not result.state.is_terminal():
                return False  # told unknown already; the scheduled checks carry on
            return await self._repository.save(activation, self._ended(activation, result))

    def _ended(self, activation: Activation, result: ActivationResult) -> Activation:
        now = self._clock.now()
        if result.state is not ActivationState.UNKNOWN:
            return activation.finish(result, now)
        first_check_at = self._schedule.next_check_at(0, now)
        assert first_check_at is not None  # a schedule has at least one check
        return activation.become_unknown(result.reason, first_check_at, now)

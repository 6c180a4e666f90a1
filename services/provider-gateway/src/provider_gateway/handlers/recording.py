"""What the running activations write down: each provider answer, and the one outcome."""

from __future__ import annotations

from provider_gateway.adapters.activation_repository import ActivationRepository
from provider_gateway.domain.calls import Answer, Call
from provider_gateway.domain.outcomes import ActivationJob, ActivationResult
from provider_gateway.domain.states import ActivationState
from provider_gateway.handlers.clock import Clock


class ActivationRecorder:
    def __init__(self, repository: ActivationRepository, clock: Clock) -> None:
        self._repository = repository
        self._clock = clock

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
        """Stores the outcome and its event in one write; False if it was already finished.

        Two replicas may run the same activation (both resume it at start); the write is guarded
        by the state read, so only the first outcome is stored and only one `provider-activated`
        or `activation-failed` is ever emitted."""
        async with self._repository.lock(job.payment_id):
            activation = await self._repository.get(job.payment_id)
            if activation is None or activation.state.is_terminal():
                return False
            finished = activation.finish(result, self._clock.now())
            return await self._repository.save(activation, finished)

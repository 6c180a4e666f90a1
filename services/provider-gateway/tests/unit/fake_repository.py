"""The activations repository in memory, for unit tests: the same guards as the Mongo one."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import datetime

from contracts.events import EventData
from provider_gateway.domain.activation import Activation
from provider_gateway.domain.states import ActivationState


class FakeActivationRepository:
    """The activations collection in memory, with the same guard on saves; its first saves can
    fail like a database that went away."""

    def __init__(self, failures_before_success: int = 0) -> None:
        self.stored: dict[str, Activation] = {}
        self.published: list[EventData] = []
        self.failures_left = failures_before_success

    @asynccontextmanager
    async def lock(self, _payment_id: str) -> AsyncIterator[None]:
        yield

    async def add(self, activation: Activation) -> bool:
        if activation.payment_id in self.stored:
            return False
        self._store(activation)
        return True

    async def get(self, payment_id: str) -> Activation | None:
        return self.stored.get(payment_id)

    async def in_state(self, state: ActivationState) -> list[Activation]:
        return [activation for activation in self.stored.values() if activation.state is state]

    async def due_checks(self, now: datetime) -> list[Activation]:
        due = [
            activation
            for activation in await self.in_state(ActivationState.UNKNOWN)
            if activation.next_check_at is not None and activation.next_check_at <= now
        ]
        await asyncio.sleep(
            0
        )  # the answer's way back: other replicas read the same checks meanwhile
        return sorted(due, key=lambda activation: activation.next_check_at or now)

    async def claim_check(self, activation: Activation, lease_until: datetime) -> bool:
        stored = self.stored.get(activation.payment_id)
        if stored is None or stored.state is not ActivationState.UNKNOWN:
            return False
        if stored.next_check_at != activation.next_check_at:
            return False
        self.stored[activation.payment_id] = replace(stored, next_check_at=lease_until)
        return True

    async def save(self, before: Activation, after: Activation) -> bool:
        if self.failures_left:
            self.failures_left -= 1
            raise ConnectionError("database away")
        stored = self.stored.get(before.payment_id)
        if stored is None or stored.state is not before.state:
            return False
        self._store(after)
        return True

    def _store(self, activation: Activation) -> None:
        self.published.extend(activation.pending_events)
        self.stored[activation.payment_id] = replace(activation, pending_events=())

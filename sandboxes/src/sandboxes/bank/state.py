"""Everything the bank sandbox holds while it runs, built in the app's lifespan."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import httpx
from fastapi import Depends, Request

from sandboxes.bank.callbacks import CallbackSender
from sandboxes.bank.clock import Clock, SystemClock
from sandboxes.bank.config import BankSettings
from sandboxes.bank.store import BankStore


@dataclass
class BankState:
    settings: BankSettings
    clock: Clock
    store: BankStore
    callbacks: CallbackSender
    http: httpx.AsyncClient
    # Test controls: the next N refund requests are answered 503, as a bank that cannot refund
    # yet (`_control/faults`); or every refund is, while its refund API is down (`_control/refunds`).
    refund_failures: int = 0
    refunds_unavailable: bool = False

    @classmethod
    def start(cls, settings: BankSettings, clock: Clock | None = None) -> BankState:
        clock = clock or SystemClock()
        store = BankStore(clock, settings.session_seconds)
        # Direct to checkout, short timeouts: a slow checkout is retried, not waited for.
        http = httpx.AsyncClient(timeout=httpx.Timeout(5.0, connect=2.0), trust_env=False)
        callbacks = CallbackSender(store, http, settings.callback_secret, clock)
        return cls(settings, clock, store, callbacks, http)

    async def close(self) -> None:
        await self.callbacks.close()
        await self.http.aclose()


def _bank_state(request: Request) -> BankState:
    state: BankState = request.app.state.bank
    return state


BankDep = Annotated[BankState, Depends(_bank_state)]

"""The providers sandbox's state and the timing shared by both protocol families."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request, Response
from fastapi.responses import PlainTextResponse

from sandboxes.providers.config import ProviderSandboxSettings
from sandboxes.providers.registry import RegistryFaults
from sandboxes.providers.store import ProviderStore, Transaction


@dataclass
class ProviderSandbox:
    settings: ProviderSandboxSettings = field(default_factory=ProviderSandboxSettings)
    store: ProviderStore = field(default_factory=ProviderStore)
    registry_faults: RegistryFaults = field(default_factory=RegistryFaults)

    async def delay(self, service_id: str) -> None:
        """The `latency_ms` fault: every call to the service waits that long first."""
        latency_ms = self.store.faults_for(service_id).latency_ms
        if latency_ms:
            await asyncio.sleep(latency_ms / 1000)

    async def hang(self, request: Request) -> None:
        """Answer nothing for `hang_seconds`, but stop as soon as the client has given up,
        so a hung request never keeps the process (or its shutdown) busy."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(self.settings.hang_seconds):
                # Once the request body is in, the next ASGI message is the client leaving.
                while (await request.receive())["type"] != "http.disconnect":
                    pass

    async def pay(
        self, request: Request, service_id: str, txn_id: str, account: str, amount_qepik: int
    ) -> Transaction | Response:
        """One pay call through the injected faults: the transaction, or the failed answer."""
        self.store.count_pay_call(service_id, txn_id)
        await self.delay(service_id)
        failure = self.store.take_pay_failure(service_id)
        if failure is None:
            return self.store.pay(service_id, txn_id, account, amount_qepik)
        if failure.records_payment:
            self.store.pay(service_id, txn_id, account, amount_qepik)
        if failure.hangs:
            await self.hang(request)
            return PlainTextResponse("provider did not answer in time", status_code=504)
        return PlainTextResponse("provider failure", status_code=500)


def _provider_sandbox(request: Request) -> ProviderSandbox:
    sandbox: ProviderSandbox = request.app.state.providers
    return sandbox


SandboxDep = Annotated[ProviderSandbox, Depends(_provider_sandbox)]

"""The sandboxes' test controls as the chaos driver uses them: faults armed one payment at a time."""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any

import httpx

from devstack.chaos.plan import LATE_SERVICE, REJECTING_SERVICE

LATE_ACTIVATION_SECONDS = 6.0  # pending that long at the provider: status polling finds it done
REJECT_CODE = 7  # OSMP "payment forbidden by the provider"; REST answers `rejected`
DELAYING_CALLBACK_FAILURES = 2
CONTROL_RETRIES = 5  # the bank retries after 0.5 s, then 1 s: the callback comes late


class Controls:
    def __init__(self, client: httpx.AsyncClient, sandbox_url: str) -> None:
        self.http = client
        self.sandbox = sandbox_url
        self.armed: Counter[str] = Counter()
        self._lock = asyncio.Lock()  # read-add-write of a service's fault counts

    async def hold_service_faults(self) -> None:
        """The faults that hold for every payment of their service, for the whole run."""
        providers = f"{self.sandbox}/providers/_control/faults"
        late = {"complete_after_seconds": LATE_ACTIVATION_SECONDS}
        (await self._send("PUT", f"{providers}/{LATE_SERVICE[0]}", late)).raise_for_status()
        rejecting = {"reject_code": REJECT_CODE}
        (
            await self._send("PUT", f"{providers}/{REJECTING_SERVICE[0]}", rejecting)
        ).raise_for_status()

    async def arm_provider_fault(self, service_id: str, kind: str) -> None:
        """One more count fault on the service's next pay call (held faults need no arming)."""
        self.armed[kind] += 1
        if kind in ("late_activation", "rejection"):
            return
        url = f"{self.sandbox}/providers/_control/faults/{service_id}"
        async with self._lock:
            faults = (await self._send("GET", url)).json()
            faults[kind] = int(faults.get(kind, 0)) + 1
            (await self._send("PUT", url, faults)).raise_for_status()

    async def delay_next_callback(self) -> None:
        """The next callback attempts fail at the bank's side, so it arrives after its retries."""
        self.armed["callback_delayed"] += 1
        body = {"callback_failures": DELAYING_CALLBACK_FAILURES}
        (await self._send("PUT", f"{self.sandbox}/bank/_control/faults", body)).raise_for_status()

    async def replay_callback(self, payment_id: str, kind: str) -> None:
        """The bank sends the payment's last callback again, same `event_id`: a duplicate (at once)
        or one reordered after the payment moved on (later)."""
        url = f"{self.sandbox}/bank/_control/callbacks/{payment_id}/replay"
        for _ in range(40):  # the first callback is recorded a moment after the card page answers
            if (await self._send("POST", url)).status_code == 202:
                self.armed[f"callback_{kind}"] += 1
                return
            await asyncio.sleep(0.25)

    async def _send(self, method: str, url: str, body: Any = None) -> httpx.Response:
        """A control call, sent again when a kept-alive connection was closed under it."""
        for _ in range(CONTROL_RETRIES - 1):
            try:
                return await self.http.request(method, url, json=body)
            except httpx.TransportError:
                await asyncio.sleep(0.2)
        return await self.http.request(method, url, json=body)

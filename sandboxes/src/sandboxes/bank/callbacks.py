"""Telling checkout the outcome: signed callbacks in background tasks, retried until a 2xx."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import httpx

from sandboxes.bank.clock import Clock
from sandboxes.bank.signing import callback_signature
from sandboxes.bank.store import BankStore, CallbackEvent

logger = logging.getLogger(__name__)

FIRST_RETRY_SECONDS = 0.5
LONGEST_RETRY_SECONDS = 30.0
GIVE_UP_AFTER = timedelta(hours=24)


@dataclass
class CallbackFaults:
    """Test control. `callback_failures`: the next N delivery attempts end as if checkout's edge
    answered 503 — nothing reaches checkout and the normal retry schedule runs.
    `callback_delay_ms`: each callback waits this long before its first attempt."""

    callback_failures: int = 0
    callback_delay_ms: int = 0


def retry_delays() -> Iterator[float]:
    """0.5 s, 1 s, 2 s … doubling, never more than 30 s."""
    delay = FIRST_RETRY_SECONDS
    while True:
        yield delay
        delay = min(delay * 2, LONGEST_RETRY_SECONDS)


class CallbackSender:
    def __init__(self, store: BankStore, http: httpx.AsyncClient, secret: str, clock: Clock):
        self.faults = CallbackFaults()
        self._store = store
        self._http = http
        self._secret = secret
        self._clock = clock
        self._deliveries: set[asyncio.Task[None]] = set()

    def send(self, event: CallbackEvent) -> None:
        """Starts delivering in the background; the card page does not wait for checkout."""
        task = asyncio.create_task(self._deliver_until_accepted(event), name=event.event_id)
        self._deliveries.add(task)
        task.add_done_callback(self._deliveries.discard)

    async def close(self) -> None:
        running = list(self._deliveries)
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)

    async def _deliver_until_accepted(self, event: CallbackEvent) -> None:
        give_up_at = self._clock.now() + GIVE_UP_AFTER
        if self.faults.callback_delay_ms > 0:
            await asyncio.sleep(self.faults.callback_delay_ms / 1000)
        for attempt, delay in enumerate(retry_delays(), start=1):
            if await self._attempt(event, attempt):
                self._store.record_delivery(event.order_id)
                return
            if self._clock.now() + timedelta(seconds=delay) > give_up_at:
                logger.warning(
                    "bank callback %s given up after %d attempts", event.event_id, attempt
                )
                return
            await asyncio.sleep(delay)

    async def _attempt(self, event: CallbackEvent, attempt: int) -> bool:
        if self.faults.callback_failures > 0:
            self.faults.callback_failures -= 1
            logger.info("bank callback %s attempt %d: injected 503", event.event_id, attempt)
            return False
        # Signed afresh on every attempt: checkout refuses timestamps older than 300 s.
        timestamp = str(int(self._clock.now().timestamp()))
        headers = {
            "Content-Type": "application/json",
            "X-Bank-Timestamp": timestamp,
            "X-Bank-Signature": callback_signature(self._secret, timestamp, event.body),
        }
        try:
            response = await self._http.post(
                event.callback_url, content=event.body, headers=headers
            )
        except httpx.HTTPError as error:
            logger.info("bank callback %s attempt %d: %r", event.event_id, attempt, error)
            return False
        logger.info(
            "bank callback %s attempt %d: %d", event.event_id, attempt, response.status_code
        )
        return response.is_success

"""Each activation runs as its own tracked task, so one slow provider never blocks the consumer."""

from __future__ import annotations

import asyncio
import logging

from provider_gateway.domain.catalog import Catalog
from provider_gateway.domain.outcomes import ActivationJob, ActivationResult, failed_result
from provider_gateway.handlers.activator import Activator
from provider_gateway.handlers.clock import Clock
from provider_gateway.handlers.recording import ActivationRecorder

log = logging.getLogger(__name__)

UNKNOWN_SERVICE_CODE = "unknown_service"


class ActivationRunner:
    """Starts, tracks and stops activation tasks; at most one task per payment in this process."""

    def __init__(
        self, catalog: Catalog, activator: Activator, records: ActivationRecorder, clock: Clock
    ) -> None:
        self._catalog = catalog
        self._clock = clock
        self._activator = activator
        self._records = records
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._stopping = False

    def is_running(self, payment_id: str) -> bool:
        return payment_id in self._tasks

    @property
    def running(self) -> int:
        return len(self._tasks)

    def start(self, job: ActivationJob) -> bool:
        """False when it already runs here, or when the service is stopping (a later start resumes
        it from its document)."""
        if self._stopping or job.payment_id in self._tasks:
            return False
        task = asyncio.create_task(self._run(job), name=f"activation-{job.payment_id}")
        self._tasks[job.payment_id] = task
        task.add_done_callback(lambda _: self._tasks.pop(job.payment_id, None))
        return True

    async def resume_unfinished(self) -> None:
        """Picks up activations left in progress by an earlier run of the service. The other
        replica may be running some of them: both ask `status` first, paying again uses the same
        transaction id (the provider pays once), and only the first outcome is stored."""
        resumed = [job for job in await self._records.unfinished() if self.start(job)]
        if resumed:
            log.info("resumed %d unfinished activations", len(resumed))

    async def wait_idle(self) -> None:
        """Waits for every running activation to end (tests and orderly shutdowns)."""
        while self._tasks:
            await asyncio.gather(*self._tasks.values(), return_exceptions=True)

    async def stop(self) -> None:
        """Cancels what runs; their documents stay `in_progress` and resume on the next start."""
        self._stopping = True
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _run(self, job: ActivationJob) -> None:
        try:
            result = await self._outcome(job)
            log.info("activation of %s ended %s (%s)", job.payment_id, result.state, result.code)
        except Exception:
            # The document stays in progress; the next start of the service resumes it.
            log.exception("activation of %s stopped by an error", job.payment_id)
            return
        await self._record(job, result)

    async def _record(self, job: ActivationJob, result: ActivationResult) -> None:
        """The provider's answer is known now: keep trying to store it while the database is away."""
        attempt = 0
        while True:
            try:
                await self._records.finish(job, result)
                return
            except Exception:
                attempt = min(attempt + 1, 6)
                log.warning(
                    "could not record the outcome of %s; retrying", job.payment_id, exc_info=True
                )
                await self._clock.sleep(0.5 * 2**attempt)

    async def _outcome(self, job: ActivationJob) -> ActivationResult:
        service = self._catalog.service(job.service_id)
        if service is None:  # the catalog lost the service since the payment began
            return failed_result(
                job, UNKNOWN_SERVICE_CODE, "The service is no longer in the catalog."
            )
        return await self._activator.activate(job, service)

"""Faust's table recovery made to seek the streams before it hands them a record.

After a rebalance, faust-streaming 0.15.3 (`Recovery.on_recovery_completed`) resumes the stream
partitions and then awaits their seek to the committed offsets, one broker round trip per
partition, while the flow of records is already on (recovery turned it on to read the
changelogs). Records fetched in that window reach the streams before the seek ends. The seek then
puts Faust's read offset back at the committed one, so the next record looks like a jump forward.
Faust takes the records in between for a gap (as a compacted topic has), acknowledges them and
commits past them: they are never handled. `make chaos` showed it: a reconciler restarted after
the broker's outage missed the events written while it was away, and left their alerts open for
ever (faust-streaming #216 and #221 describe the same race on other paths).

Here the flow is stopped first. Faust's own step then resumes the partitions, seeks, and turns
the flow back on, so the first record a stream sees is the one at its committed offset.
"""

from __future__ import annotations

from faust.tables.manager import TableManager
from faust.tables.recovery import Recovery


class SeekFirstRecovery(Recovery):
    async def on_recovery_completed(self, generation_id: int = 0) -> None:
        self.app.consumer.stop_flow()  # turned on again by Faust once the seek is done
        await super().on_recovery_completed(generation_id)

    async def _resume_streams(self, generation_id: int = 0) -> None:
        self.app.consumer.stop_flow()  # the same order on the path without tables
        await super()._resume_streams(generation_id)


class SeekFirstTableManager(TableManager):
    """Faust's table manager with the recovery above (`TableManager` in the app's settings)."""

    @property
    def recovery(self) -> Recovery:
        if self._recovery is None:
            self._recovery = SeekFirstRecovery(self.app, self, beacon=self.beacon, loop=self.loop)
        return self._recovery
